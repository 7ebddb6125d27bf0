ALTER TABLE `experiments` ADD `metrics` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
CREATE INDEX `assignments_exposed` ON `assignments` (`site_id`,`experiment_key`,`phase`,`exposed_at`);--> statement-breakpoint
CREATE TABLE `assignment_metrics` (
	`site_id` text NOT NULL,
	`experiment_key` text NOT NULL,
	`phase` integer NOT NULL,
	`metric` text NOT NULL,
	`visitor_id` text NOT NULL,
	`variation` integer NOT NULL,
	`value` real NOT NULL,
	`events` integer NOT NULL,
	PRIMARY KEY(`site_id`, `experiment_key`, `phase`, `metric`, `visitor_id`)
);
--> statement-breakpoint
CREATE INDEX `assignment_metrics_visitor` ON `assignment_metrics` (`site_id`,`visitor_id`);--> statement-breakpoint
CREATE INDEX `assignment_metrics_results` ON `assignment_metrics` (`site_id`,`experiment_key`,`phase`,`metric`,`variation`,`value`,`events`);
