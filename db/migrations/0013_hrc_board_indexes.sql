CREATE INDEX `needs_capacity` ON `needs` (`kind`,`request_id`);--> statement-breakpoint
CREATE INDEX `requests_island_age` ON `requests` (`island`,`created_at`);--> statement-breakpoint
CREATE INDEX `requests_board` ON `requests` (`id`,`status`,`island`,`version`);