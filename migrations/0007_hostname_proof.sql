-- Store hostnames serve only once their DNS proves the claim (worker/edge/hostname-proof.ts).
-- Claims made before proofs existed were first come, first served: they start unproven.
CREATE TABLE `site_hostnames_new` (
	`hostname` text NOT NULL,
	`site_id` text NOT NULL,
	`verified_at` integer,
	`checked_at` integer,
	`check_error` text,
	`failed_checks` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`hostname`, `site_id`)
);
--> statement-breakpoint
INSERT INTO `site_hostnames_new` (`hostname`, `site_id`) SELECT `hostname`, `site_id` FROM `site_hostnames`;
--> statement-breakpoint
DROP TABLE `site_hostnames`;
--> statement-breakpoint
ALTER TABLE `site_hostnames_new` RENAME TO `site_hostnames`;
--> statement-breakpoint
CREATE UNIQUE INDEX `site_hostnames_proven` ON `site_hostnames` (`hostname`) WHERE verified_at IS NOT NULL;
--> statement-breakpoint
CREATE INDEX `site_hostnames_site` ON `site_hostnames` (`site_id`);
