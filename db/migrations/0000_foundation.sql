CREATE TABLE `rate_limits` (
	`key` text PRIMARY KEY NOT NULL,
	`window_start` integer NOT NULL,
	`count` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`secret_hash` text NOT NULL,
	`user_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sessions_user` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `user_tokens` (
	`id` text PRIMARY KEY NOT NULL,
	`secret_hash` text NOT NULL,
	`user_id` text NOT NULL,
	`purpose` text NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`island` text,
	`organisation` text DEFAULT '' NOT NULL,
	`phone` text DEFAULT '' NOT NULL,
	`functionary_id` text,
	`password_hash` text,
	`locale` text DEFAULT 'en' NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`stamp` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`island`) REFERENCES `islands`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);--> statement-breakpoint
CREATE TABLE `audit_events` (
	`id` text PRIMARY KEY NOT NULL,
	`at` integer NOT NULL,
	`actor_id` text,
	`actor_label` text NOT NULL,
	`action` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` text NOT NULL,
	`before` text,
	`after` text
);
--> statement-breakpoint
CREATE INDEX `audit_entity` ON `audit_events` (`entity`,`entity_id`,`at`);--> statement-breakpoint
CREATE TABLE `hrc_units` (
	`id` text PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`type` text NOT NULL,
	`people` integer NOT NULL,
	`equipment` text DEFAULT '' NOT NULL,
	`base` text NOT NULL,
	`readiness` text DEFAULT 'standby' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`stamp` text,
	FOREIGN KEY (`base`) REFERENCES `islands`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `hrc_units_code_unique` ON `hrc_units` (`code`);--> statement-breakpoint
CREATE TABLE `idempotency_keys` (
	`scope` text NOT NULL,
	`key` text NOT NULL,
	`fingerprint` text NOT NULL,
	`status` integer,
	`location` text,
	`content_type` text,
	`body` text,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`scope`, `key`)
);
--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` integer NOT NULL,
	`to` text NOT NULL,
	`subject` text NOT NULL,
	`text` text NOT NULL,
	`html` text,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`sent_at` integer,
	`last_error` text
);
--> statement-breakpoint
CREATE INDEX `outbox_due` ON `outbox` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE TABLE `functionaries` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`email` text NOT NULL,
	`phone` text DEFAULT '' NOT NULL,
	`base` text NOT NULL,
	`organisation` text DEFAULT '' NOT NULL,
	`remote_capable` integer DEFAULT false NOT NULL,
	`travel_document_expiry` text,
	`medical_fitness_expiry` text,
	`notes` text DEFAULT '' NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`stamp` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`base`) REFERENCES `islands`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `functionaries_email_unique` ON `functionaries` (`email`);--> statement-breakpoint
CREATE INDEX `functionaries_base` ON `functionaries` (`base`);--> statement-breakpoint
CREATE TABLE `functionary_languages` (
	`functionary_id` text NOT NULL,
	`language` text NOT NULL,
	`proficiency` text NOT NULL,
	PRIMARY KEY(`functionary_id`, `language`),
	FOREIGN KEY (`functionary_id`) REFERENCES `functionaries`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`language`) REFERENCES `languages`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `functionary_roles` (
	`functionary_id` text NOT NULL,
	`role` text NOT NULL,
	`level` text NOT NULL,
	PRIMARY KEY(`functionary_id`, `role`),
	FOREIGN KEY (`functionary_id`) REFERENCES `functionaries`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`role`) REFERENCES `roles`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `functionary_roles_role` ON `functionary_roles` (`role`);--> statement-breakpoint
CREATE TABLE `islands` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`name_nl` text NOT NULL,
	`capital` text,
	`airport` text NOT NULL,
	`time_zone` text NOT NULL,
	`languages` text NOT NULL,
	`is_base_only` integer DEFAULT false NOT NULL,
	`sort` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `languages` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`name_nl` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `roles` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`name_nl` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`sort` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `travel_times` (
	`from_code` text NOT NULL,
	`to_code` text NOT NULL,
	`minutes` integer NOT NULL,
	`route` text NOT NULL,
	PRIMARY KEY(`from_code`, `to_code`),
	FOREIGN KEY (`from_code`) REFERENCES `islands`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`to_code`) REFERENCES `islands`(`code`) ON UPDATE no action ON DELETE no action
);
