ALTER TABLE `experiments` ADD `type` text DEFAULT 'ab' NOT NULL;--> statement-breakpoint
ALTER TABLE `experiments` ADD `bandit` text;--> statement-breakpoint
ALTER TABLE `experiments` ADD `winner` text;--> statement-breakpoint
CREATE TABLE `bandit_periods` (
	`site_id` text NOT NULL,
	`experiment_key` text NOT NULL,
	`phase` integer NOT NULL,
	`period` integer NOT NULL,
	`started_at` integer NOT NULL,
	`weights` text NOT NULL,
	`visitors_before` integer DEFAULT 0 NOT NULL,
	`best_arm_probabilities` text,
	PRIMARY KEY(`site_id`, `experiment_key`, `phase`, `period`)
);
