CREATE TABLE "evidence_anchorings" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "evidence_anchorings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"revision_id" integer NOT NULL,
	"snapshot_id" integer NOT NULL,
	"status" text NOT NULL,
	"start" integer,
	"end" integer,
	"score" real,
	"decision" text,
	"decided_by" integer,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evidence_anchorings_revision_snapshot_key" UNIQUE("revision_id","snapshot_id"),
	CONSTRAINT "evidence_anchorings_status_check" CHECK ("evidence_anchorings"."status" in ('moved', 'proposed', 'ambiguous', 'orphan')),
	CONSTRAINT "evidence_anchorings_decision_check" CHECK ("evidence_anchorings"."decision" is null or "evidence_anchorings"."decision" in ('accepted', 'rejected')),
	CONSTRAINT "evidence_anchorings_span_check" CHECK (("evidence_anchorings"."start" is null and "evidence_anchorings"."end" is null) or ("evidence_anchorings"."start" is not null and "evidence_anchorings"."end" is not null and "evidence_anchorings"."start" >= 0 and "evidence_anchorings"."end" > "evidence_anchorings"."start"))
);
--> statement-breakpoint
CREATE TABLE "source_texts" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "source_texts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"source_id" integer NOT NULL,
	"origin" text NOT NULL,
	"open_access" boolean NOT NULL,
	"retrieved_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sha256" text NOT NULL,
	"text" text NOT NULL,
	"sections" jsonb NOT NULL,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_by" integer,
	CONSTRAINT "source_texts_source_sha_key" UNIQUE("source_id","sha256"),
	CONSTRAINT "source_texts_origin_check" CHECK ("source_texts"."origin" in ('crossref_abstract', 'europepmc', 'paste', 'jats_upload', 'pdf_upload')),
	CONSTRAINT "source_texts_sha256_check" CHECK ("source_texts"."sha256" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
ALTER TABLE "finding_revisions" ADD COLUMN "evidence_anchor" jsonb;--> statement-breakpoint
ALTER TABLE "finding_revisions" ADD COLUMN "evidence_unverified" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "finding_revisions" ADD COLUMN "evidence_verified" boolean;--> statement-breakpoint
ALTER TABLE "evidence_anchorings" ADD CONSTRAINT "evidence_anchorings_revision_id_finding_revisions_id_fk" FOREIGN KEY ("revision_id") REFERENCES "public"."finding_revisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_anchorings" ADD CONSTRAINT "evidence_anchorings_snapshot_id_source_texts_id_fk" FOREIGN KEY ("snapshot_id") REFERENCES "public"."source_texts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_anchorings" ADD CONSTRAINT "evidence_anchorings_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_texts" ADD CONSTRAINT "source_texts_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_texts" ADD CONSTRAINT "source_texts_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "evidence_anchorings_open_idx" ON "evidence_anchorings" USING btree ("status","id") WHERE "evidence_anchorings"."decision" is null;--> statement-breakpoint
CREATE INDEX "source_texts_source_idx" ON "source_texts" USING btree ("source_id","id" DESC NULLS LAST);--> statement-breakpoint
-- A snapshot is the text quotes were checked against: it never changes and is never deleted.
CREATE TRIGGER source_texts_append_only
  BEFORE UPDATE OR DELETE ON source_texts
  FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change();
--> statement-breakpoint
CREATE TRIGGER source_texts_no_truncate
  BEFORE TRUNCATE ON source_texts
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_append_only_change();
--> statement-breakpoint
-- An anchoring is decided once (accepted or rejected); nothing else about it changes, and it is never deleted.
CREATE FUNCTION refuse_anchoring_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' OR OLD.decision IS NOT NULL OR NEW.decision IS NULL
     OR (NEW.revision_id, NEW.snapshot_id, NEW.status, NEW.start, NEW."end", NEW.score, NEW.created_at)
        IS DISTINCT FROM (OLD.revision_id, OLD.snapshot_id, OLD.status, OLD.start, OLD."end", OLD.score, OLD.created_at) THEN
    RAISE EXCEPTION 'evidence anchoring % can only be decided once', OLD.id USING ERRCODE = 'EV002';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER evidence_anchorings_decide_once
  BEFORE UPDATE OR DELETE ON evidence_anchorings
  FOR EACH ROW EXECUTE FUNCTION refuse_anchoring_change();
--> statement-breakpoint
CREATE TRIGGER evidence_anchorings_no_truncate
  BEFORE TRUNCATE ON evidence_anchorings
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_append_only_change();
