CREATE INDEX `needs_capacity` ON `needs` (`request_id`) WHERE "kind" = 'capacity';--> statement-breakpoint
CREATE INDEX `requests_island_age` ON `requests` (`island`,`created_at`);--> statement-breakpoint
CREATE INDEX `requests_board` ON `requests` (`id`,`version`);