CREATE TABLE `assignments` (
	`id` text PRIMARY KEY NOT NULL,
	`need_id` text NOT NULL,
	`request_id` text NOT NULL,
	`island` text NOT NULL,
	`functionary_id` text NOT NULL,
	`status` text NOT NULL,
	`period_start` text NOT NULL,
	`period_end` text NOT NULL,
	`etd` integer,
	`eta` integer,
	`transport` text,
	`travel_reference` text,
	`reason` text,
	`confirmed_channel` text,
	`confirmed_note` text,
	`confirmed_by` text,
	`on_behalf` integer DEFAULT false NOT NULL,
	`flagged_at` integer,
	`proposed_by` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`stamp` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`offered_at` integer,
	`accepted_at` integer,
	`arrived_at` integer,
	`released_at` integer,
	`ended_at` integer,
	FOREIGN KEY (`request_id`) REFERENCES `requests`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`island`) REFERENCES `islands`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`functionary_id`) REFERENCES `functionaries`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`confirmed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`proposed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `assignments_functionary` ON `assignments` (`functionary_id`,`status`,`period_start`);--> statement-breakpoint
CREATE INDEX `assignments_need` ON `assignments` (`need_id`,`status`);--> statement-breakpoint
CREATE INDEX `assignments_request` ON `assignments` (`request_id`,`status`);--> statement-breakpoint
CREATE INDEX `assignments_island` ON `assignments` (`island`,`status`);--> statement-breakpoint
ALTER TABLE `outbox` ADD `attachments` text;