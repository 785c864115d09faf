ALTER TABLE `alerts` ADD `reminders` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `alerts` ADD `reminded_at` integer;--> statement-breakpoint
ALTER TABLE `alerts` ADD `reminded_by` text REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `alerts` ADD `retired_hashes` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
-- One alert per person and need: rows doubled before this migration are folded into
-- the latest sent one, as reminders of the first. It keeps the latest answer given (with its note),
-- the first sending as `sent_at`, the latest as `reminded_at`, and the other rows' link hashes as
-- retired. Three steps, so that no statement reads rows it has already changed.
UPDATE `alerts` SET `stamp` = 'fold:keep'
  WHERE EXISTS (SELECT 1 FROM `alerts` d WHERE d.`need_id` = `alerts`.`need_id`
      AND d.`functionary_id` = `alerts`.`functionary_id` AND d.`id` <> `alerts`.`id`)
    AND NOT EXISTS (SELECT 1 FROM `alerts` d WHERE d.`need_id` = `alerts`.`need_id`
      AND d.`functionary_id` = `alerts`.`functionary_id`
      AND (d.`sent_at` > `alerts`.`sent_at` OR (d.`sent_at` = `alerts`.`sent_at` AND d.`id` > `alerts`.`id`)));--> statement-breakpoint
UPDATE `alerts` SET
  `answer` = (SELECT d.`answer` FROM `alerts` d WHERE d.`need_id` = `alerts`.`need_id`
    AND d.`functionary_id` = `alerts`.`functionary_id` AND d.`answer` IS NOT NULL
    ORDER BY d.`answered_at` DESC, d.`sent_at` DESC, d.`id` DESC LIMIT 1),
  `note` = (SELECT d.`note` FROM `alerts` d WHERE d.`need_id` = `alerts`.`need_id`
    AND d.`functionary_id` = `alerts`.`functionary_id` AND d.`answer` IS NOT NULL
    ORDER BY d.`answered_at` DESC, d.`sent_at` DESC, d.`id` DESC LIMIT 1),
  `answered_at` = (SELECT d.`answered_at` FROM `alerts` d WHERE d.`need_id` = `alerts`.`need_id`
    AND d.`functionary_id` = `alerts`.`functionary_id` AND d.`answer` IS NOT NULL
    ORDER BY d.`answered_at` DESC, d.`sent_at` DESC, d.`id` DESC LIMIT 1),
  `reminders` = (SELECT count(*) - 1 FROM `alerts` d WHERE d.`need_id` = `alerts`.`need_id`
    AND d.`functionary_id` = `alerts`.`functionary_id`),
  `reminded_at` = `sent_at`,
  `reminded_by` = `sent_by`,
  `sent_by` = (SELECT d.`sent_by` FROM `alerts` d WHERE d.`need_id` = `alerts`.`need_id`
    AND d.`functionary_id` = `alerts`.`functionary_id` ORDER BY d.`sent_at`, d.`id` LIMIT 1),
  `sent_at` = (SELECT min(d.`sent_at`) FROM `alerts` d WHERE d.`need_id` = `alerts`.`need_id`
    AND d.`functionary_id` = `alerts`.`functionary_id`),
  `retired_hashes` = (SELECT json_group_array(d.`secret_hash`) FROM `alerts` d
    WHERE d.`need_id` = `alerts`.`need_id` AND d.`functionary_id` = `alerts`.`functionary_id`
      AND d.`id` <> `alerts`.`id`)
  WHERE `stamp` = 'fold:keep';--> statement-breakpoint
DELETE FROM `alerts` WHERE EXISTS (SELECT 1 FROM `alerts` k WHERE k.`need_id` = `alerts`.`need_id`
  AND k.`functionary_id` = `alerts`.`functionary_id` AND k.`stamp` = 'fold:keep' AND k.`id` <> `alerts`.`id`);--> statement-breakpoint
UPDATE `alerts` SET `stamp` = NULL WHERE `stamp` = 'fold:keep';--> statement-breakpoint
CREATE UNIQUE INDEX `alerts_need_functionary` ON `alerts` (`need_id`,`functionary_id`);
