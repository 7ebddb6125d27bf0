CREATE TABLE `visitor_history` (
	`site_id` text NOT NULL,
	`visitor_id` text NOT NULL,
	`first_at` integer NOT NULL,
	`purchases` integer NOT NULL,
	`last_purchase_at` integer,
	PRIMARY KEY(`site_id`, `visitor_id`)
);
