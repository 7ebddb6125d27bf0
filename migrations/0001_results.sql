ALTER TABLE `experiments` ADD `winsorize_at` real;--> statement-breakpoint
CREATE INDEX `assignments_results` ON `assignments` (`site_id`,`experiment_key`,`phase`,`variation`,`converted_at`);--> statement-breakpoint
CREATE INDEX `assignments_revenue` ON `assignments` (`site_id`,`experiment_key`,`phase`,`revenue_minor`,`variation`) WHERE revenue_minor > 0;