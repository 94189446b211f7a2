ALTER TABLE `advisories` ADD `extracted` text;--> statement-breakpoint
ALTER TABLE `sources` ADD `last_item_count` integer;--> statement-breakpoint
ALTER TABLE `sources` ADD `last_partial_errors` text;--> statement-breakpoint
ALTER TABLE `sources` ADD `last_new_item_at` integer;