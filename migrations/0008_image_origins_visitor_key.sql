ALTER TABLE `sites` ADD `image_origins` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `sites` ADD `visitor_id_key` text;--> statement-breakpoint
UPDATE `sites` SET `visitor_id_key` = lower(hex(randomblob(32)));
