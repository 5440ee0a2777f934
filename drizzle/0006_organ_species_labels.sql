ALTER TABLE "findings" ADD COLUMN "target_organ_label" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "findings" ADD COLUMN "species_label" text DEFAULT '' NOT NULL;--> statement-breakpoint
-- Fill the labels from the listed revision (the approved one, else the latest), as refreshListing does; before the indexes, so they are built once.
UPDATE "findings" f SET "target_organ_label" = r."target_organ_label", "species_label" = r."species_label"
FROM "finding_revisions" r WHERE r."id" = coalesce(f."approved_revision_id", f."latest_revision_id");--> statement-breakpoint
CREATE INDEX "findings_public_organ_label_idx" ON "findings" USING btree ("target_organ_label","id") WHERE "findings"."approved_revision_id" is not null;--> statement-breakpoint
CREATE INDEX "findings_public_species_label_idx" ON "findings" USING btree ("species_label","id") WHERE "findings"."approved_revision_id" is not null;