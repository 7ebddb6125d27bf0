CREATE TABLE `intent_models` (
	`site_id` text NOT NULL,
	`version` text NOT NULL,
	`trained_at` integer NOT NULL,
	`sessions` integer NOT NULL,
	`purchases` integer NOT NULL,
	`model` text NOT NULL,
	PRIMARY KEY(`site_id`, `version`)
);
--> statement-breakpoint
CREATE TABLE `intent_status` (
	`site_id` text PRIMARY KEY NOT NULL,
	`active_version` text,
	`online_layer` text,
	`online_updates` integer DEFAULT 0 NOT NULL,
	`band_medium` real DEFAULT 0.5 NOT NULL,
	`band_high` real DEFAULT 0.85 NOT NULL,
	`cut_medium` real,
	`cut_high` real,
	`trained_at` integer,
	`last_error` text,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `intent_outcomes` (
	`site_id` text NOT NULL,
	`visitor_id` text NOT NULL,
	`session_start` integer NOT NULL,
	`session_end` integer NOT NULL,
	`score` real NOT NULL,
	`band` text NOT NULL,
	`model` text NOT NULL,
	`bought` integer NOT NULL,
	PRIMARY KEY(`site_id`, `visitor_id`, `session_start`)
);
--> statement-breakpoint
CREATE INDEX `intent_outcomes_end` ON `intent_outcomes` (`site_id`,`session_end`);
