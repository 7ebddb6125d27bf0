ALTER TABLE `experiments` ADD `audience` text;--> statement-breakpoint
ALTER TABLE `assignments` ADD `intent_band` text;--> statement-breakpoint
ALTER TABLE `assignments` ADD `device` text;--> statement-breakpoint
ALTER TABLE `assignments` ADD `returning_visitor` integer;--> statement-breakpoint
ALTER TABLE `assignments` ADD `source` text;--> statement-breakpoint
CREATE TABLE `audience_decisions` (
	`site_id` text NOT NULL,
	`visitor_id` text NOT NULL,
	`experiment_key` text NOT NULL,
	`phase` integer NOT NULL,
	`included` integer NOT NULL,
	`intent_band` text,
	`device` text NOT NULL,
	`returning_visitor` integer NOT NULL,
	`source` text,
	`decided_at` integer NOT NULL,
	PRIMARY KEY(`site_id`, `visitor_id`, `experiment_key`, `phase`)
);
