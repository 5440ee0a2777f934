ALTER TABLE "findings" drop column "public_id";--> statement-breakpoint
ALTER TABLE "findings" ADD COLUMN "public_id" text GENERATED ALWAYS AS ('EVX-' || lpad(id::text, greatest(6, length(id::text)), '0')) STORED NOT NULL;--> statement-breakpoint
-- Dropping the column dropped its unique index; put it back.
CREATE UNIQUE INDEX "findings_public_id_key" ON "findings" USING btree ("public_id");
