ALTER TABLE `experiments` ADD `metrics` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
CREATE INDEX `assignments_exposed` ON `assignments` (`site_id`,`experiment_key`,`phase`,`exposed_at`);--> statement-breakpoint
CREATE TABLE `assignment_metrics` (
	`site_id` text NOT NULL,
	`experiment_key` text NOT NULL,
	`phase` integer NOT NULL,
	`metric` text NOT NULL,
	`visitor_id` text NOT NULL,
	`variation` integer NOT NULL,
	`value` real NOT NULL,
	`events` integer NOT NULL,
	PRIMARY KEY(`site_id`, `experiment_key`, `phase`, `metric`, `visitor_id`)
);
--> statement-breakpoint
CREATE INDEX `assignment_metrics_visitor` ON `assignment_metrics` (`site_id`,`visitor_id`);
--> statement-breakpoint
CREATE TABLE `metric_totals` (
	`site_id` text NOT NULL,
	`experiment_key` text NOT NULL,
	`phase` integer NOT NULL,
	`metric` text NOT NULL,
	`variation` integer NOT NULL,
	`rows` integer DEFAULT 0 NOT NULL,
	`engaged` integer DEFAULT 0 NOT NULL,
	`value` real DEFAULT 0 NOT NULL,
	`value_sq` real DEFAULT 0 NOT NULL,
	`events` integer DEFAULT 0 NOT NULL,
	`events_sq` integer DEFAULT 0 NOT NULL,
	`value_events` real DEFAULT 0 NOT NULL,
	PRIMARY KEY(`site_id`, `experiment_key`, `phase`, `metric`, `variation`)
);
--> statement-breakpoint
CREATE TRIGGER `metric_totals_insert` AFTER INSERT ON `assignment_metrics` BEGIN
	INSERT INTO metric_totals (site_id, experiment_key, phase, metric, variation, rows, engaged, value, value_sq, events, events_sq, value_events)
	VALUES (NEW.site_id, NEW.experiment_key, NEW.phase, NEW.metric, NEW.variation, 1, NEW.value > 0, NEW.value, NEW.value * NEW.value, NEW.events, NEW.events * NEW.events, NEW.value * NEW.events)
	ON CONFLICT DO UPDATE SET rows = rows + 1, engaged = engaged + (NEW.value > 0), value = value + NEW.value, value_sq = value_sq + NEW.value * NEW.value, events = events + NEW.events, events_sq = events_sq + NEW.events * NEW.events, value_events = value_events + NEW.value * NEW.events;
END;
--> statement-breakpoint
CREATE TRIGGER `metric_totals_delete` AFTER DELETE ON `assignment_metrics` BEGIN
	UPDATE metric_totals SET rows = rows - 1, engaged = engaged - (OLD.value > 0), value = value - OLD.value, value_sq = value_sq - OLD.value * OLD.value, events = events - OLD.events, events_sq = events_sq - OLD.events * OLD.events, value_events = value_events - OLD.value * OLD.events
	WHERE site_id = OLD.site_id AND experiment_key = OLD.experiment_key AND phase = OLD.phase AND metric = OLD.metric AND variation = OLD.variation;
END;
--> statement-breakpoint
CREATE TRIGGER `metric_totals_update` AFTER UPDATE ON `assignment_metrics` WHEN OLD.value IS NOT NEW.value OR OLD.events IS NOT NEW.events OR OLD.variation IS NOT NEW.variation BEGIN
	UPDATE metric_totals SET rows = rows - 1, engaged = engaged - (OLD.value > 0), value = value - OLD.value, value_sq = value_sq - OLD.value * OLD.value, events = events - OLD.events, events_sq = events_sq - OLD.events * OLD.events, value_events = value_events - OLD.value * OLD.events
	WHERE site_id = OLD.site_id AND experiment_key = OLD.experiment_key AND phase = OLD.phase AND metric = OLD.metric AND variation = OLD.variation;
	UPDATE metric_totals SET rows = rows + 1, engaged = engaged + (NEW.value > 0), value = value + NEW.value, value_sq = value_sq + NEW.value * NEW.value, events = events + NEW.events, events_sq = events_sq + NEW.events * NEW.events, value_events = value_events + NEW.value * NEW.events
	WHERE site_id = NEW.site_id AND experiment_key = NEW.experiment_key AND phase = NEW.phase AND metric = NEW.metric AND variation = NEW.variation;
END;
