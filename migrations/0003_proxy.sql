CREATE TABLE `site_hostnames` (
	`hostname` text PRIMARY KEY NOT NULL,
	`site_id` text NOT NULL
);
--> statement-breakpoint
ALTER TABLE `sites` ADD `origin_url` text;