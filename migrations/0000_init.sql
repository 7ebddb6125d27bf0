CREATE TABLE `assignments` (
	`site_id` text NOT NULL,
	`experiment_key` text NOT NULL,
	`phase` integer NOT NULL,
	`visitor_id` text NOT NULL,
	`variation` integer NOT NULL,
	`exposed_at` integer NOT NULL,
	`converted_at` integer,
	`conversions` integer DEFAULT 0 NOT NULL,
	`revenue_minor` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`site_id`, `experiment_key`, `phase`, `visitor_id`)
);
--> statement-breakpoint
CREATE INDEX `assignments_visitor` ON `assignments` (`site_id`,`visitor_id`);--> statement-breakpoint
CREATE TABLE `events` (
	`site_id` text NOT NULL,
	`id` text NOT NULL,
	`type` text NOT NULL,
	`visitor_id` text NOT NULL,
	`client_ts` integer,
	`received_at` integer NOT NULL,
	`at` integer NOT NULL,
	`clock_skewed` integer DEFAULT false NOT NULL,
	`experiment` text,
	`phase` integer,
	`variation` integer,
	`item_id` text,
	`items` text,
	`revenue_minor` integer,
	`currency` text,
	`order_id` text,
	`name` text,
	`rec_id` text,
	`props` text,
	PRIMARY KEY(`site_id`, `id`)
);
--> statement-breakpoint
CREATE INDEX `events_visitor` ON `events` (`site_id`,`visitor_id`,`type`,`at`);--> statement-breakpoint
CREATE INDEX `events_type_at` ON `events` (`site_id`,`type`,`at`);--> statement-breakpoint
CREATE TABLE `experiment_phases` (
	`site_id` text NOT NULL,
	`experiment_key` text NOT NULL,
	`phase` integer NOT NULL,
	`seed` text NOT NULL,
	`weights` text NOT NULL,
	`variation_keys` text NOT NULL,
	`started_at` integer NOT NULL,
	`ended_at` integer,
	PRIMARY KEY(`site_id`, `experiment_key`, `phase`)
);
--> statement-breakpoint
CREATE TABLE `experiments` (
	`site_id` text NOT NULL,
	`key` text NOT NULL,
	`name` text NOT NULL,
	`status` text NOT NULL,
	`variations` text NOT NULL,
	`coverage` real NOT NULL,
	`seed` text,
	`phase` integer DEFAULT 0 NOT NULL,
	`goal_event` text NOT NULL,
	`goal_name` text,
	`url_pattern` text,
	`redirect` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`site_id`, `key`)
);
--> statement-breakpoint
CREATE INDEX `experiments_status` ON `experiments` (`site_id`,`status`);--> statement-breakpoint
CREATE TABLE `forgotten_visitors` (
	`site_id` text NOT NULL,
	`visitor_hash` text NOT NULL,
	`forgotten_at` integer NOT NULL,
	PRIMARY KEY(`site_id`, `visitor_hash`)
);
--> statement-breakpoint
CREATE TABLE `sites` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`public_key` text NOT NULL,
	`admin_key_hash` text NOT NULL,
	`allowed_origins` text DEFAULT '[]' NOT NULL,
	`currency` text DEFAULT 'USD' NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sites_public_key_unique` ON `sites` (`public_key`);--> statement-breakpoint
CREATE UNIQUE INDEX `sites_admin_key_hash_unique` ON `sites` (`admin_key_hash`);