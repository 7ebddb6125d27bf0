CREATE TABLE `order_stand_ins` (
	`site_id` text NOT NULL,
	`order_id` text NOT NULL,
	`visitor_id` text NOT NULL,
	`revenue_minor` integer NOT NULL,
	`currency` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`site_id`, `order_id`)
);
