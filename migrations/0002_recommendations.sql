CREATE TABLE `catalog_items` (
	`site_id` text NOT NULL,
	`item_id` text NOT NULL,
	`title` text NOT NULL,
	`url` text,
	`image` text,
	`price_minor` integer,
	`currency` text,
	`category` text,
	`in_stock` integer DEFAULT true NOT NULL,
	`source` text NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`site_id`, `item_id`)
);
--> statement-breakpoint
CREATE TABLE `rec_factor_chunks` (
	`site_id` text NOT NULL,
	`version` text NOT NULL,
	`chunk` integer NOT NULL,
	`item_ids` text NOT NULL,
	`factors` blob NOT NULL,
	PRIMARY KEY(`site_id`, `version`, `chunk`)
);
--> statement-breakpoint
CREATE TABLE `rec_lists` (
	`site_id` text NOT NULL,
	`kind` text NOT NULL,
	`subject` text NOT NULL,
	`version` text NOT NULL,
	`items` text NOT NULL,
	PRIMARY KEY(`site_id`, `version`, `kind`, `subject`)
);
--> statement-breakpoint
CREATE TABLE `rec_models` (
	`site_id` text NOT NULL,
	`version` text NOT NULL,
	`trained_at` integer NOT NULL,
	`rank` integer NOT NULL,
	`items` integer NOT NULL,
	`visitors` integer NOT NULL,
	`metrics` text NOT NULL,
	`fold_in_targets` text NOT NULL,
	PRIMARY KEY(`site_id`, `version`)
);
--> statement-breakpoint
CREATE TABLE `rec_status` (
	`site_id` text PRIMARY KEY NOT NULL,
	`active_version` text,
	`training_started_at` integer,
	`last_error` text,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `visitor_vectors` (
	`site_id` text NOT NULL,
	`visitor_id` text NOT NULL,
	`version` text NOT NULL,
	`vector` text NOT NULL,
	`updates` integer DEFAULT 0 NOT NULL,
	`revision` integer DEFAULT 0 NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`site_id`, `visitor_id`)
);
