CREATE TABLE `firm_deliveries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`firm_id` integer NOT NULL,
	`advisory_id` integer,
	`kind` text NOT NULL,
	`dedupe_key` text NOT NULL,
	`practice_ids` text,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`message_id` text NOT NULL,
	`last_error` text,
	`created_at` integer NOT NULL,
	`claimed_at` integer,
	`sent_at` integer,
	FOREIGN KEY (`firm_id`) REFERENCES `firms`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`advisory_id`) REFERENCES `advisories`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `firm_deliveries_dedupeKey_unique` ON `firm_deliveries` (`dedupe_key`);--> statement-breakpoint
CREATE INDEX `firm_deliveries_status_idx` ON `firm_deliveries` (`status`,`created_at`);--> statement-breakpoint
CREATE TABLE `firm_practices` (
	`firm_id` integer NOT NULL,
	`practice_id` integer NOT NULL,
	`invited_at` integer NOT NULL,
	`revoked_at` integer,
	PRIMARY KEY(`firm_id`, `practice_id`),
	FOREIGN KEY (`firm_id`) REFERENCES `firms`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`practice_id`) REFERENCES `practices`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `firm_practices_practice_idx` ON `firm_practices` (`practice_id`);--> statement-breakpoint
CREATE TABLE `firms` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`email` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`consent_version` text,
	`consent_at` integer,
	`created_at` integer NOT NULL,
	`confirmed_at` integer,
	`unsubscribed_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `firms_email_unique` ON `firms` (`email`);--> statement-breakpoint
CREATE TABLE `absences` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`practice_id` integer NOT NULL,
	`first_day` text NOT NULL,
	`last_day` text NOT NULL,
	`deputy_email` text NOT NULL,
	`deputy_confirmed_at` integer,
	`cancelled_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`practice_id`) REFERENCES `practices`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `absences_practice_idx` ON `absences` (`practice_id`,`last_day`);--> statement-breakpoint
CREATE TABLE `impact_answers` (
	`practice_id` integer NOT NULL,
	`advisory_id` integer NOT NULL,
	`answer` text NOT NULL,
	`reason` text,
	`product_id` text,
	`version` text,
	`firm_id` integer,
	`answered_at` integer NOT NULL,
	PRIMARY KEY(`practice_id`, `advisory_id`),
	FOREIGN KEY (`practice_id`) REFERENCES `practices`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`advisory_id`) REFERENCES `advisories`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `impact_answers_advisory_idx` ON `impact_answers` (`advisory_id`);--> statement-breakpoint
ALTER TABLE `advisories` ADD `category` text DEFAULT 'security' NOT NULL;--> statement-breakpoint
ALTER TABLE `advisories` ADD `exploited` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `advisories` ADD `resolved_at` integer;--> statement-breakpoint
ALTER TABLE `deliveries` ADD `recipient` text;--> statement-breakpoint
ALTER TABLE `deliveries` ADD `not_before` integer;--> statement-breakpoint
ALTER TABLE `acknowledgements` ADD `done_by` text;--> statement-breakpoint
ALTER TABLE `acknowledgements` ADD `firm_id` integer;--> statement-breakpoint
ALTER TABLE `practices` ADD `ti_outages` integer DEFAULT false NOT NULL;