CREATE TABLE `alerts` (
	`id` text PRIMARY KEY NOT NULL,
	`need_id` text NOT NULL,
	`request_id` text NOT NULL,
	`functionary_id` text NOT NULL,
	`sent_by` text,
	`sent_at` integer NOT NULL,
	`deadline` integer NOT NULL,
	`secret_hash` text NOT NULL,
	`answer` text,
	`note` text,
	`answered_at` integer,
	FOREIGN KEY (`need_id`) REFERENCES `needs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`request_id`) REFERENCES `requests`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`functionary_id`) REFERENCES `functionaries`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`sent_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `alerts_need` ON `alerts` (`need_id`,`sent_at`);--> statement-breakpoint
CREATE INDEX `alerts_functionary` ON `alerts` (`functionary_id`,`sent_at`);--> statement-breakpoint
CREATE TABLE `unavailability` (
	`id` text PRIMARY KEY NOT NULL,
	`functionary_id` text NOT NULL,
	`start` text NOT NULL,
	`end` text NOT NULL,
	`reason` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`functionary_id`) REFERENCES `functionaries`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `unavailability_functionary` ON `unavailability` (`functionary_id`,`start`);