ALTER TABLE `islands` DROP COLUMN `name_nl`;--> statement-breakpoint
ALTER TABLE `languages` DROP COLUMN `name_nl`;--> statement-breakpoint
ALTER TABLE `islands` ADD `lat` real DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `islands` ADD `lon` real DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `roles` ADD `name_pap` text DEFAULT '' NOT NULL;--> statement-breakpoint
UPDATE `islands` SET `lat` = 12.52, `lon` = -69.97 WHERE `code` = 'AW';--> statement-breakpoint
UPDATE `islands` SET `lat` = 12.17, `lon` = -68.99 WHERE `code` = 'CW';--> statement-breakpoint
UPDATE `islands` SET `lat` = 18.04, `lon` = -63.06 WHERE `code` = 'SX';--> statement-breakpoint
UPDATE `islands` SET `lat` = 12.18, `lon` = -68.26 WHERE `code` = 'BO';--> statement-breakpoint
UPDATE `islands` SET `lat` = 17.49, `lon` = -62.98 WHERE `code` = 'SE';--> statement-breakpoint
UPDATE `islands` SET `lat` = 17.63, `lon` = -63.24 WHERE `code` = 'SA';--> statement-breakpoint
UPDATE `islands` SET `lat` = 52.31, `lon` = 4.76 WHERE `code` = 'NL';--> statement-breakpoint
UPDATE `roles` SET `name_pap` = 'Lider operashonal' WHERE `code` = 'operational_leader';--> statement-breakpoint
UPDATE `roles` SET `name_pap` = 'Gerente di informashon' WHERE `code` = 'information_manager';--> statement-breakpoint
UPDATE `roles` SET `name_pap` = 'Konsehero di komunikashon di krisis' WHERE `code` = 'crisis_communication_adviser';--> statement-breakpoint
UPDATE `roles` SET `name_pap` = 'Ofisial di enlase' WHERE `code` = 'liaison_officer';--> statement-breakpoint
UPDATE `roles` SET `name_pap` = 'Sekretario di EBT' WHERE `code` = 'policy_team_secretary';--> statement-breakpoint
UPDATE `roles` SET `name_pap` = 'Hefe di kuido di poblashon' WHERE `code` = 'population_care_lead';--> statement-breakpoint
UPDATE `roles` SET `name_pap` = 'Koordinadó di logístika' WHERE `code` = 'logistics_coordinator';--> statement-breakpoint
UPDATE `roles` SET `name_pap` = 'Plotter' WHERE `code` = 'plotter';--> statement-breakpoint
UPDATE `roles` SET `name_pap` = 'Komandante di bombero' WHERE `code` = 'fire_service_commander';--> statement-breakpoint
UPDATE `roles` SET `name_pap` = 'Koordinadó di salubridat públiko' WHERE `code` = 'medical_coordinator';
