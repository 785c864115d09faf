CREATE TABLE `incidents` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`hazard` text NOT NULL,
	`islands` text NOT NULL,
	`phase` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`opened_at` integer NOT NULL,
	`closed_at` integer,
	`created_by` text,
	`version` integer DEFAULT 1 NOT NULL,
	`stamp` text,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `needs` (
	`id` text PRIMARY KEY NOT NULL,
	`request_id` text NOT NULL,
	`position` integer NOT NULL,
	`kind` text NOT NULL,
	`role` text,
	`count` integer,
	`min_level` text,
	`languages` text,
	`preferred_languages` text,
	`remote_ok` integer,
	`period_start` text,
	`period_end` text,
	`notes` text DEFAULT '' NOT NULL,
	`unit_type` text,
	`description` text,
	`quantity` integer,
	FOREIGN KEY (`request_id`) REFERENCES `requests`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`role`) REFERENCES `roles`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `needs_request` ON `needs` (`request_id`,`position`);--> statement-breakpoint
CREATE TABLE `requests` (
	`id` text PRIMARY KEY NOT NULL,
	`island` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`phase` text NOT NULL,
	`priority` text NOT NULL,
	`title` text NOT NULL,
	`situation` text NOT NULL,
	`period_start` text NOT NULL,
	`period_end` text NOT NULL,
	`incident_id` text,
	`contact` text DEFAULT '' NOT NULL,
	`created_by` text NOT NULL,
	`on_behalf` integer DEFAULT false NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`revision` integer DEFAULT 1 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`submitted_at` integer,
	`acknowledged_at` integer,
	`closed_at` integer,
	`reason` text,
	`stamp` text,
	FOREIGN KEY (`island`) REFERENCES `islands`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`incident_id`) REFERENCES `incidents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `requests_island` ON `requests` (`island`,`status`);--> statement-breakpoint
CREATE INDEX `requests_status` ON `requests` (`status`,`submitted_at`);