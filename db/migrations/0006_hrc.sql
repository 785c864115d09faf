CREATE TABLE `hrc_advisories` (
	`id` text PRIMARY KEY NOT NULL,
	`threat_id` text NOT NULL,
	`seq` integer NOT NULL,
	`recorded_at` integer NOT NULL,
	`source` text NOT NULL,
	`number` text,
	`issued_at` integer,
	`track` text NOT NULL,
	`islands` text NOT NULL,
	`text` text,
	FOREIGN KEY (`threat_id`) REFERENCES `hrc_threats`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `hrc_advisories_seq` ON `hrc_advisories` (`threat_id`,`seq`);--> statement-breakpoint
CREATE TABLE `hrc_dispatch_units` (
	`dispatch_id` text NOT NULL,
	`unit_id` text NOT NULL,
	`position` integer NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	PRIMARY KEY(`dispatch_id`, `unit_id`),
	FOREIGN KEY (`dispatch_id`) REFERENCES `hrc_dispatches`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`unit_id`) REFERENCES `hrc_units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `hrc_dispatch_units_active` ON `hrc_dispatch_units` (`unit_id`) WHERE active = 1;--> statement-breakpoint
CREATE TABLE `hrc_dispatches` (
	`id` text PRIMARY KEY NOT NULL,
	`island` text NOT NULL,
	`need_id` text,
	`request_id` text,
	`kind` text NOT NULL,
	`status` text NOT NULL,
	`etd` integer NOT NULL,
	`eta` integer NOT NULL,
	`transport` text NOT NULL,
	`carrier` text DEFAULT '' NOT NULL,
	`capacity_weight_kg` real,
	`capacity_volume_m3` real,
	`payload_people` integer NOT NULL,
	`payload_weight_kg` real NOT NULL,
	`payload_volume_m3` real NOT NULL,
	`reason` text,
	`cause` text,
	`on_behalf` integer DEFAULT false NOT NULL,
	`status_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	`created_by` text NOT NULL,
	`updated_at` integer NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`stamp` text,
	FOREIGN KEY (`island`) REFERENCES `islands`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `hrc_dispatches_island` ON `hrc_dispatches` (`island`,`status`);--> statement-breakpoint
CREATE INDEX `hrc_dispatches_need` ON `hrc_dispatches` (`need_id`);--> statement-breakpoint
CREATE INDEX `hrc_dispatches_request` ON `hrc_dispatches` (`request_id`);--> statement-breakpoint
CREATE TABLE `hrc_threats` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`category` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`source` text NOT NULL,
	`track` text NOT NULL,
	`islands` text NOT NULL,
	`advisories` integer DEFAULT 1 NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`closed_at` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`stamp` text
);
--> statement-breakpoint
CREATE INDEX `hrc_threats_status` ON `hrc_threats` (`status`,`updated_at`);--> statement-breakpoint
ALTER TABLE `hrc_units` ADD `leader_name` text;--> statement-breakpoint
ALTER TABLE `hrc_units` ADD `leader_phone` text;--> statement-breakpoint
ALTER TABLE `hrc_units` ADD `leader_email` text;--> statement-breakpoint
ALTER TABLE `hrc_units` ADD `weight_kg` real DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `hrc_units` ADD `volume_m3` real DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `hrc_units` ADD `self_sufficient_days` integer;--> statement-breakpoint
ALTER TABLE `hrc_units` ADD `location` text DEFAULT 'NL' NOT NULL;--> statement-breakpoint
ALTER TABLE `hrc_units` ADD `islands` text DEFAULT '["AW","CW","SX","BO","SE","SA"]' NOT NULL;--> statement-breakpoint
ALTER TABLE `hrc_units` ADD `notes` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `hrc_units` ADD `readiness_at` integer;--> statement-breakpoint
-- Existing units: where they are is their base; what the old free-text equipment said moves to the notes.
UPDATE `hrc_units` SET `location` = `base`, `notes` = `equipment`;--> statement-breakpoint
-- The five demo units get the codes (PREFIX-n), weights, volumes and leaders of the new demo seed.
UPDATE `hrc_units` SET `code` = 'RECCE-1', `weight_kg` = 900, `volume_m3` = 7, `self_sufficient_days` = 10, `leader_name` = 'Ruud Reijnders', `leader_phone` = '+31 6 1100 2201', `leader_email` = 'recce1@usar.demo.ccpm' WHERE `id` = 'demo-hrc-recce-1' AND `code` = 'HRC-RECCE-1';--> statement-breakpoint
UPDATE `hrc_units` SET `code` = 'LUSAR-1', `weight_kg` = 4200, `volume_m3` = 32, `self_sufficient_days` = 10, `leader_name` = 'Lotte Lindeman', `leader_phone` = '+31 6 1100 2202', `leader_email` = 'lusar1@usar.demo.ccpm' WHERE `id` = 'demo-hrc-usar-l1' AND `code` = 'HRC-USAR-L1';--> statement-breakpoint
UPDATE `hrc_units` SET `code` = 'LOG-1', `weight_kg` = 7500, `volume_m3` = 55, `self_sufficient_days` = 14, `leader_name` = 'Gert Gorter', `leader_phone` = '+31 6 1100 2203', `leader_email` = 'log1@usar.demo.ccpm' WHERE `id` = 'demo-hrc-log-1' AND `code` = 'HRC-LOG-1';--> statement-breakpoint
UPDATE `hrc_units` SET `code` = 'WATER-1', `weight_kg` = 6500, `volume_m3` = 40, `self_sufficient_days` = 14, `leader_name` = 'Wim Wever', `leader_phone` = '+31 6 1100 2204', `leader_email` = 'water1@usar.demo.ccpm' WHERE `id` = 'demo-hrc-wash-1' AND `code` = 'HRC-WASH-1';--> statement-breakpoint
UPDATE `hrc_units` SET `code` = 'COMMS-1', `weight_kg` = 1200, `volume_m3` = 9, `self_sufficient_days` = 10, `leader_name` = 'Carmen Croes', `leader_phone` = '+599 9 555 0105', `leader_email` = 'comms1@usar.demo.ccpm' WHERE `id` = 'demo-hrc-comms-1' AND `code` = 'HRC-COMMS-1';--> statement-breakpoint
ALTER TABLE `hrc_units` DROP COLUMN `equipment`;