ALTER TABLE `visitor_vectors` DROP COLUMN `updates`;--> statement-breakpoint
ALTER TABLE `visitor_vectors` DROP COLUMN `revision`;