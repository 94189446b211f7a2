CREATE TABLE `login_throttle` (
	`key` text PRIMARY KEY NOT NULL,
	`email_hash` text NOT NULL,
	`failures` integer DEFAULT 0 NOT NULL,
	`blocked_until` integer,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `login_throttle_email_idx` ON `login_throttle` (`email_hash`);--> statement-breakpoint
ALTER TABLE `admins` ADD `must_change_password` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `advisories` ADD `archive_reason` text;--> statement-breakpoint
ALTER TABLE `notices` ADD `archived` integer DEFAULT false NOT NULL;