-- Event retention (days of raw events D1 keeps; older ones go to the R2 archive) and the
-- directory of which D1 database holds each site (read on the primary database only).
ALTER TABLE `sites` ADD `event_retention_days` integer DEFAULT 90 NOT NULL;
--> statement-breakpoint
CREATE TABLE `site_databases` (
	`site_id` text PRIMARY KEY NOT NULL,
	`binding` text NOT NULL,
	`placed_at` integer NOT NULL
);
