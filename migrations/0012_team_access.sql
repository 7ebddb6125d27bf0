CREATE TABLE `admin_keys` (
	`site_id` text NOT NULL,
	`id` text NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`key_hash` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`site_id`, `id`)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `admin_keys_key_hash_unique` ON `admin_keys` (`key_hash`);--> statement-breakpoint
CREATE UNIQUE INDEX `admin_keys_name` ON `admin_keys` (`site_id`,`name`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`site_id` text NOT NULL,
	`at` integer NOT NULL,
	`key_id` text NOT NULL,
	`key_name` text NOT NULL,
	`method` text NOT NULL,
	`route` text NOT NULL,
	`target` text,
	`summary` text,
	`confirmed` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_log_site` ON `audit_log` (`site_id`,`seq`);
