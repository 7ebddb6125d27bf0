ALTER TABLE `sites` ADD `special_days` text;--> statement-breakpoint
ALTER TABLE `events` ADD `path` text;--> statement-breakpoint
ALTER TABLE `events` ADD `title` text;--> statement-breakpoint
ALTER TABLE `events` ADD `page_kind` text;--> statement-breakpoint
ALTER TABLE `events` ADD `referrer` text;--> statement-breakpoint
ALTER TABLE `events` ADD `utm` text;--> statement-breakpoint
CREATE TABLE `page_stats` (
	`site_id` text NOT NULL,
	`path` text NOT NULL,
	`views` integer NOT NULL,
	`unique_views` integer NOT NULL,
	`entrances` integer NOT NULL,
	`bounces` integer NOT NULL,
	`exits` integer NOT NULL,
	`value_minor` integer NOT NULL,
	`refreshed_at` integer NOT NULL,
	PRIMARY KEY(`site_id`, `path`)
);
