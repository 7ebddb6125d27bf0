ALTER TABLE `sites` ADD `shopify_webhook_secret` text;--> statement-breakpoint
ALTER TABLE `sites` ADD `alerts` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
CREATE TABLE `shopify_webhooks` (
	`site_id` text NOT NULL,
	`webhook_id` text NOT NULL,
	`topic` text NOT NULL,
	`received_at` integer NOT NULL,
	PRIMARY KEY(`site_id`, `webhook_id`)
);
--> statement-breakpoint
CREATE TABLE `alert_states` (
	`site_id` text NOT NULL,
	`subject` text NOT NULL,
	`state` text NOT NULL,
	`changed_at` integer NOT NULL,
	PRIMARY KEY(`site_id`, `subject`)
);
--> statement-breakpoint
CREATE TABLE `alert_deliveries` (
	`site_id` text NOT NULL,
	`alert_id` text NOT NULL,
	`url` text NOT NULL,
	`format` text NOT NULL,
	`alert` text NOT NULL,
	`created_at` integer NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`claimed_at` integer,
	`delivered_at` integer,
	`last_error` text,
	PRIMARY KEY(`site_id`, `alert_id`, `url`)
);
--> statement-breakpoint
CREATE INDEX `alert_deliveries_pending` ON `alert_deliveries` (`site_id`,`created_at`) WHERE delivered_at IS NULL;--> statement-breakpoint
CREATE INDEX `events_order` ON `events` (`site_id`,`order_id`) WHERE order_id IS NOT NULL;
