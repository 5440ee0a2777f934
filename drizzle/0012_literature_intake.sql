CREATE TABLE "candidates" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "candidates_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"origin" text NOT NULL,
	"batch_id" integer,
	"search_run_id" integer,
	"suggested_by" integer,
	"reason" text DEFAULT '' NOT NULL,
	"title" text NOT NULL,
	"abstract" text DEFAULT '' NOT NULL,
	"keywords" text[] DEFAULT '{}'::text[] NOT NULL,
	"authors" text[] DEFAULT '{}'::text[] NOT NULL,
	"first_author" text DEFAULT '' NOT NULL,
	"year" integer,
	"journal" text DEFAULT '' NOT NULL,
	"doi" text,
	"pmid" text,
	"pmcid" text,
	"title_key" text NOT NULL,
	"is_preprint" boolean DEFAULT false NOT NULL,
	"raw" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"duplicate_of_id" integer,
	"duplicate_source_id" integer,
	"duplicate_by" text,
	"kept_apart" boolean DEFAULT false NOT NULL,
	"outcome" text DEFAULT 'unscreened' NOT NULL,
	"source_id" integer,
	"assigned_to" integer,
	"curation_status" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "candidates_origin_check" CHECK ("candidates"."origin" in ('file', 'search', 'suggestion')),
	CONSTRAINT "candidates_outcome_check" CHECK ("candidates"."outcome" in ('unscreened', 'awaiting_second', 'included', 'excluded', 'maybe', 'conflict')),
	CONSTRAINT "candidates_curation_status_check" CHECK ("candidates"."curation_status" is null or "candidates"."curation_status" in ('to_curate', 'in_progress', 'findings_submitted', 'done', 'no_findings'))
);
--> statement-breakpoint
CREATE TABLE "exclusion_reasons" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "exclusion_reasons_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"label" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "exclusion_reasons_label_unique" UNIQUE("label")
);
--> statement-breakpoint
CREATE TABLE "intake_batches" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "intake_batches_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"format" text NOT NULL,
	"filename" text NOT NULL,
	"bytes" integer NOT NULL,
	"report" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"counts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "job_runs" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "job_runs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"job" text NOT NULL,
	"status" text NOT NULL,
	"summary" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"message" text DEFAULT '' NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "job_runs_status_check" CHECK ("job_runs"."status" in ('running', 'ok', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "release_overrides" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "release_overrides_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"finding_id" integer NOT NULL,
	"reviewer_id" integer NOT NULL,
	"comment" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "saved_searches" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "saved_searches_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"query" text NOT NULL,
	"from_date" text,
	"to_date" text,
	"schedule" text DEFAULT 'manual' NOT NULL,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_run_at" timestamp with time zone,
	CONSTRAINT "saved_searches_schedule_check" CHECK ("saved_searches"."schedule" in ('manual', 'daily', 'weekly'))
);
--> statement-breakpoint
CREATE TABLE "screening_decisions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "screening_decisions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"candidate_id" integer NOT NULL,
	"screener_id" integer NOT NULL,
	"stage" text NOT NULL,
	"decision" text NOT NULL,
	"reason_id" integer,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "screening_decisions_once_key" UNIQUE("candidate_id","screener_id","stage"),
	CONSTRAINT "screening_decisions_stage_check" CHECK ("screening_decisions"."stage" in ('screen', 'resolve')),
	CONSTRAINT "screening_decisions_decision_check" CHECK ("screening_decisions"."decision" in ('include', 'exclude', 'maybe')),
	CONSTRAINT "screening_decisions_reason_check" CHECK ("screening_decisions"."decision" <> 'exclude' or "screening_decisions"."reason_id" is not null or "screening_decisions"."stage" = 'resolve')
);
--> statement-breakpoint
CREATE TABLE "search_runs" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "search_runs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"search_id" integer NOT NULL,
	"trigger" text NOT NULL,
	"status" text NOT NULL,
	"found" integer DEFAULT 0 NOT NULL,
	"added" integer DEFAULT 0 NOT NULL,
	"message" text DEFAULT '' NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "search_runs_status_check" CHECK ("search_runs"."status" in ('running', 'ok', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "source_updates" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "source_updates_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"source_id" integer NOT NULL,
	"type" text NOT NULL,
	"notice_doi" text NOT NULL,
	"label" text DEFAULT '' NOT NULL,
	"date" text,
	"found_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "source_updates_notice_key" UNIQUE("source_id","type","notice_doi")
);
--> statement-breakpoint
ALTER TABLE "candidates" ADD CONSTRAINT "candidates_batch_id_intake_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."intake_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidates" ADD CONSTRAINT "candidates_search_run_id_search_runs_id_fk" FOREIGN KEY ("search_run_id") REFERENCES "public"."search_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidates" ADD CONSTRAINT "candidates_suggested_by_users_id_fk" FOREIGN KEY ("suggested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidates" ADD CONSTRAINT "candidates_duplicate_of_id_candidates_id_fk" FOREIGN KEY ("duplicate_of_id") REFERENCES "public"."candidates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidates" ADD CONSTRAINT "candidates_duplicate_source_id_sources_id_fk" FOREIGN KEY ("duplicate_source_id") REFERENCES "public"."sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidates" ADD CONSTRAINT "candidates_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidates" ADD CONSTRAINT "candidates_assigned_to_users_id_fk" FOREIGN KEY ("assigned_to") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intake_batches" ADD CONSTRAINT "intake_batches_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "release_overrides" ADD CONSTRAINT "release_overrides_reviewer_id_users_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saved_searches" ADD CONSTRAINT "saved_searches_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_decisions" ADD CONSTRAINT "screening_decisions_candidate_id_candidates_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."candidates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_decisions" ADD CONSTRAINT "screening_decisions_screener_id_users_id_fk" FOREIGN KEY ("screener_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_decisions" ADD CONSTRAINT "screening_decisions_reason_id_exclusion_reasons_id_fk" FOREIGN KEY ("reason_id") REFERENCES "public"."exclusion_reasons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "search_runs" ADD CONSTRAINT "search_runs_search_id_saved_searches_id_fk" FOREIGN KEY ("search_id") REFERENCES "public"."saved_searches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_updates" ADD CONSTRAINT "source_updates_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "candidates_doi_idx" ON "candidates" USING btree ("doi");--> statement-breakpoint
CREATE INDEX "candidates_pmid_idx" ON "candidates" USING btree ("pmid");--> statement-breakpoint
CREATE INDEX "candidates_pmcid_idx" ON "candidates" USING btree ("pmcid");--> statement-breakpoint
CREATE INDEX "candidates_title_key_idx" ON "candidates" USING btree ("title_key");--> statement-breakpoint
CREATE INDEX "candidates_queue_idx" ON "candidates" USING btree ("outcome","id") WHERE "candidates"."duplicate_of_id" is null and "candidates"."duplicate_source_id" is null;--> statement-breakpoint
CREATE INDEX "candidates_assigned_idx" ON "candidates" USING btree ("assigned_to","curation_status");--> statement-breakpoint
CREATE INDEX "job_runs_job_idx" ON "job_runs" USING btree ("job","id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "screening_decisions_screener_idx" ON "screening_decisions" USING btree ("screener_id","candidate_id");--> statement-breakpoint
CREATE INDEX "search_runs_search_idx" ON "search_runs" USING btree ("search_id","id" DESC NULLS LAST);--> statement-breakpoint
-- Screening decisions are the record PRISMA counts and kappa are computed from: never changed, never deleted.
CREATE TRIGGER screening_decisions_append_only
  BEFORE UPDATE OR DELETE ON screening_decisions
  FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change();
--> statement-breakpoint
CREATE TRIGGER screening_decisions_no_truncate
  BEFORE TRUNCATE ON screening_decisions
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_append_only_change();
--> statement-breakpoint
-- Exclusion reasons a team starts with; admins add, rename the order of, and retire reasons (never delete them).
INSERT INTO exclusion_reasons (label, sort_order) VALUES
  ('Not about extracellular vesicles', 10),
  ('No skeletal muscle involvement', 20),
  ('Review, commentary or editorial', 30),
  ('No primary data on EV crosstalk', 40),
  ('Not a research article (protocol, erratum, abstract only)', 50),
  ('Other (say why in the note)', 90);
