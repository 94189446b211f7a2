CREATE TABLE `admins` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`password_hash` text NOT NULL,
	`role` text DEFAULT 'editor' NOT NULL,
	`failed_logins` integer DEFAULT 0 NOT NULL,
	`locked_until` integer,
	`last_login_at` integer,
	`disabled_at` integer,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `admins_email_unique` ON `admins` (`email`);--> statement-breakpoint
CREATE TABLE `api_tokens` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`admin_id` integer NOT NULL,
	`name` text NOT NULL,
	`token_hash` text NOT NULL,
	`created_at` integer NOT NULL,
	`last_used_at` integer,
	`revoked_at` integer,
	FOREIGN KEY (`admin_id`) REFERENCES `admins`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_tokens_tokenHash_unique` ON `api_tokens` (`token_hash`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`admin_id` integer,
	`actor` text NOT NULL,
	`action` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` text NOT NULL,
	`before` text,
	`after` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`admin_id`) REFERENCES `admins`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `audit_log_entity_idx` ON `audit_log` (`entity`,`entity_id`);--> statement-breakpoint
CREATE INDEX `audit_log_created_idx` ON `audit_log` (`created_at`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`admin_id` integer NOT NULL,
	`csrf_token` text NOT NULL,
	`created_at` integer NOT NULL,
	`last_seen_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`admin_id`) REFERENCES `admins`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sessions_admin_idx` ON `sessions` (`admin_id`);--> statement-breakpoint
CREATE TABLE `advisories` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`title` text NOT NULL,
	`summary` text DEFAULT '' NOT NULL,
	`severity` text DEFAULT 'unbekannt' NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`relevant` integer NOT NULL,
	`relevance_reason` text NOT NULL,
	`vendor_id` text,
	`revision` integer DEFAULT 1 NOT NULL,
	`published_at` integer,
	`released_at` integer,
	`matched_at` integer,
	`reject_reason` text,
	`decided_by` integer,
	`merged_into_id` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`vendor_id`) REFERENCES `vendors`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`merged_into_id`) REFERENCES `advisories`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `advisories_status_idx` ON `advisories` (`status`,`created_at`);--> statement-breakpoint
CREATE TABLE `advisory_actions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`advisory_id` integer NOT NULL,
	`position` integer NOT NULL,
	`text` text NOT NULL,
	`evidence` text,
	FOREIGN KEY (`advisory_id`) REFERENCES `advisories`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `advisory_actions_position_uq` ON `advisory_actions` (`advisory_id`,`position`);--> statement-breakpoint
CREATE TABLE `advisory_cves` (
	`advisory_id` integer NOT NULL,
	`cve` text NOT NULL,
	PRIMARY KEY(`advisory_id`, `cve`),
	FOREIGN KEY (`advisory_id`) REFERENCES `advisories`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `advisory_products` (
	`advisory_id` integer NOT NULL,
	`product_id` text NOT NULL,
	`affected_versions` text,
	`fixed_version` text,
	PRIMARY KEY(`advisory_id`, `product_id`),
	FOREIGN KEY (`advisory_id`) REFERENCES `advisories`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `advisory_products_product_idx` ON `advisory_products` (`product_id`);--> statement-breakpoint
CREATE TABLE `advisory_revisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`advisory_id` integer NOT NULL,
	`revision` integer NOT NULL,
	`changed_fields` text NOT NULL,
	`material` integer NOT NULL,
	`notice_id` integer,
	`created_at` integer NOT NULL,
	`notified_at` integer,
	FOREIGN KEY (`advisory_id`) REFERENCES `advisories`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`notice_id`) REFERENCES `notices`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `advisory_revisions_uq` ON `advisory_revisions` (`advisory_id`,`revision`);--> statement-breakpoint
CREATE TABLE `advisory_sources` (
	`advisory_id` integer NOT NULL,
	`notice_id` integer NOT NULL,
	`added_at` integer NOT NULL,
	PRIMARY KEY(`advisory_id`, `notice_id`),
	FOREIGN KEY (`advisory_id`) REFERENCES `advisories`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`notice_id`) REFERENCES `notices`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `advisory_sources_notice_uq` ON `advisory_sources` (`notice_id`);--> statement-breakpoint
CREATE TABLE `products` (
	`id` text PRIMARY KEY NOT NULL,
	`vendor_id` text NOT NULL,
	`name` text NOT NULL,
	`category` text NOT NULL,
	`aliases` text NOT NULL,
	FOREIGN KEY (`vendor_id`) REFERENCES `vendors`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `products_vendor_idx` ON `products` (`vendor_id`);--> statement-breakpoint
CREATE TABLE `vendors` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`aliases` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `product_proposals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`vendor_id` text,
	`evidence` text NOT NULL,
	`notice_id` integer,
	`seen_count` integer DEFAULT 1 NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`created_at` integer NOT NULL,
	`decided_at` integer,
	FOREIGN KEY (`notice_id`) REFERENCES `notices`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `product_proposals_name_unique` ON `product_proposals` (`name`);--> statement-breakpoint
CREATE TABLE `notices` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`source_id` text NOT NULL,
	`external_id` text NOT NULL,
	`url` text,
	`title` text NOT NULL,
	`published_at` integer,
	`text` text NOT NULL,
	`content_hash` text NOT NULL,
	`list_hash` text,
	`version` integer DEFAULT 1 NOT NULL,
	`fetched_at` integer NOT NULL,
	`normalized_at` integer,
	`normalize_error` text,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `notices_source_item_uq` ON `notices` (`source_id`,`external_id`);--> statement-breakpoint
CREATE INDEX `notices_unnormalized_idx` ON `notices` (`normalized_at`);--> statement-breakpoint
CREATE TABLE `deliveries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`practice_id` integer NOT NULL,
	`advisory_id` integer,
	`kind` text NOT NULL,
	`dedupe_key` text NOT NULL,
	`revision` integer,
	`period` text,
	`advisory_ids` text,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`message_id` text NOT NULL,
	`last_error` text,
	`created_at` integer NOT NULL,
	`claimed_at` integer,
	`sent_at` integer,
	FOREIGN KEY (`practice_id`) REFERENCES `practices`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`advisory_id`) REFERENCES `advisories`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `deliveries_dedupeKey_unique` ON `deliveries` (`dedupe_key`);--> statement-breakpoint
CREATE INDEX `deliveries_status_idx` ON `deliveries` (`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `deliveries_practice_idx` ON `deliveries` (`practice_id`);--> statement-breakpoint
CREATE INDEX `deliveries_advisory_idx` ON `deliveries` (`advisory_id`);--> statement-breakpoint
CREATE TABLE `digest_runs` (
	`period` text PRIMARY KEY NOT NULL,
	`started_at` integer NOT NULL,
	`completed_at` integer,
	`deliveries` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `matches` (
	`practice_id` integer NOT NULL,
	`advisory_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`practice_id`, `advisory_id`),
	FOREIGN KEY (`practice_id`) REFERENCES `practices`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`advisory_id`) REFERENCES `advisories`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `matches_advisory_idx` ON `matches` (`advisory_id`);--> statement-breakpoint
CREATE INDEX `matches_created_idx` ON `matches` (`created_at`);--> statement-breakpoint
CREATE TABLE `acknowledgements` (
	`practice_id` integer NOT NULL,
	`advisory_id` integer NOT NULL,
	`action_position` integer NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`practice_id`, `advisory_id`, `action_position`),
	FOREIGN KEY (`practice_id`) REFERENCES `practices`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`advisory_id`) REFERENCES `advisories`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `acknowledgements_advisory_idx` ON `acknowledgements` (`advisory_id`);--> statement-breakpoint
CREATE TABLE `practices` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`email` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`cadence` text DEFAULT 'immediate' NOT NULL,
	`min_severity` text DEFAULT 'niedrig' NOT NULL,
	`origin` text NOT NULL,
	`partner_email` text,
	`consent_version` text,
	`consent_at` integer,
	`consent_ip` text,
	`bounce_count` integer DEFAULT 0 NOT NULL,
	`suppressed_at` integer,
	`created_at` integer NOT NULL,
	`confirmed_at` integer,
	`unsubscribed_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `practices_email_unique` ON `practices` (`email`);--> statement-breakpoint
CREATE TABLE `scope_subscriptions` (
	`practice_id` integer NOT NULL,
	`scope` text NOT NULL,
	`value` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`practice_id`, `scope`, `value`),
	FOREIGN KEY (`practice_id`) REFERENCES `practices`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `scope_subscriptions_value_idx` ON `scope_subscriptions` (`scope`,`value`);--> statement-breakpoint
CREATE TABLE `subscriptions` (
	`practice_id` integer NOT NULL,
	`product_id` text NOT NULL,
	`version` text,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`practice_id`, `product_id`),
	FOREIGN KEY (`practice_id`) REFERENCES `practices`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `subscriptions_product_idx` ON `subscriptions` (`product_id`);--> statement-breakpoint
CREATE TABLE `sources` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`publisher` text NOT NULL,
	`kind` text NOT NULL,
	`url` text NOT NULL,
	`selectors` text,
	`trust` text DEFAULT 'review' NOT NULL,
	`interval_minutes` integer DEFAULT 60 NOT NULL,
	`enabled` integer DEFAULT true NOT NULL,
	`etag` text,
	`last_modified` text,
	`next_check_at` integer NOT NULL,
	`last_checked_at` integer,
	`last_success_at` integer,
	`error_count` integer DEFAULT 0 NOT NULL,
	`last_error` text,
	`origin` text DEFAULT 'config' NOT NULL,
	`created_at` integer NOT NULL
);
