ALTER TABLE `incidents` ADD `proposed_by` text REFERENCES islands(code);--> statement-breakpoint
ALTER TABLE `incidents` ADD `reason` text;