CREATE INDEX `users_active_name` ON `users` (`active`,"name" collate nocase,`id`);--> statement-breakpoint
CREATE INDEX `assignments_status` ON `assignments` (`status`,`updated_at`);--> statement-breakpoint
CREATE INDEX `hrc_dispatches_status` ON `hrc_dispatches` (`status`,`version`);--> statement-breakpoint
CREATE INDEX `outbox_created` ON `outbox` (`created_at`);--> statement-breakpoint
CREATE INDEX `functionaries_active_name` ON `functionaries` (`active`,"name" collate nocase,`id`);--> statement-breakpoint
CREATE INDEX `requests_order` ON `requests` (case "priority" when 'urgent' then 0 when 'high' then 1 else 2 end,case when "submitted_at" is null then "created_at" else "submitted_at" end,`id`);--> statement-breakpoint
CREATE INDEX `requests_visible` ON `requests` (`status`,`on_behalf`);