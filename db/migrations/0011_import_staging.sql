CREATE TABLE `functionary_import_rows` (
	`import_id` text NOT NULL,
	`seq` integer NOT NULL,
	`kind` text NOT NULL,
	`functionary_id` text NOT NULL,
	`version` integer,
	`record` text NOT NULL,
	`event` text,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`import_id`, `seq`)
);
