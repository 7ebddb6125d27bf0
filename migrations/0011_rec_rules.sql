CREATE TABLE `rec_rules` (
	`site_id` text NOT NULL,
	`slot` text NOT NULL,
	`item_id` text NOT NULL,
	`action` text NOT NULL,
	`factor` real,
	`position` integer NOT NULL,
	PRIMARY KEY(`site_id`, `slot`, `item_id`)
);
