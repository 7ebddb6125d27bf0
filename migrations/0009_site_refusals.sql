CREATE TABLE `site_refusals` (
	`site_id` text NOT NULL,
	`code` text NOT NULL,
	`count` integer DEFAULT 0 NOT NULL,
	`last_at` integer NOT NULL,
	`last_detail` text,
	PRIMARY KEY(`site_id`, `code`)
);
