CREATE TYPE "public"."metadata_origin" AS ENUM('crossref', 'bundled', 'manual');--> statement-breakpoint
CREATE TYPE "public"."review_decision" AS ENUM('approve', 'request_changes', 'reject');--> statement-breakpoint
CREATE TYPE "public"."role" AS ENUM('curator', 'reviewer', 'admin');--> statement-breakpoint
CREATE TYPE "public"."workflow_status" AS ENUM('draft', 'submitted', 'approved', 'changes_requested', 'rejected');--> statement-breakpoint
CREATE TABLE "login_attempts" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "login_attempts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"email" text NOT NULL,
	"ip" text NOT NULL,
	"succeeded" boolean NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "users_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"email" text NOT NULL,
	"name" text NOT NULL,
	"orcid" text,
	"password_hash" text,
	"role" "role" DEFAULT 'curator' NOT NULL,
	"is_system" boolean DEFAULT false NOT NULL,
	"disabled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sources" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "sources_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"doi" text NOT NULL,
	"pmid" text,
	"title" text,
	"authors" text,
	"journal" text,
	"year" integer,
	"volume_pages" text,
	"metadata_origin" "metadata_origin" NOT NULL,
	"retracted" boolean DEFAULT false NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "finding_revisions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "finding_revisions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"finding_id" integer NOT NULL,
	"revision_no" integer NOT NULL,
	"based_on_revision_id" integer,
	"author_id" integer NOT NULL,
	"change_summary" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_at" timestamp with time zone,
	"target_organ" text NOT NULL,
	"target_organ_label" text NOT NULL,
	"origin" text NOT NULL,
	"origin_label" text NOT NULL,
	"direction" text NOT NULL,
	"species" text NOT NULL,
	"species_label" text NOT NULL,
	"ev_source" text NOT NULL,
	"cargo" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"recipient_cell" text NOT NULL,
	"model_disease" text DEFAULT '' NOT NULL,
	"result" text NOT NULL,
	"study_type" text,
	"effect_direction" text,
	"mechanism" text[] DEFAULT '{}'::text[] NOT NULL,
	"ev_type" text,
	"separation_methods" text[] DEFAULT '{}'::text[] NOT NULL,
	"particle_analysis" text[] DEFAULT '{}'::text[] NOT NULL,
	"em_methods" text[] DEFAULT '{}'::text[] NOT NULL,
	"markers_positive" text[] DEFAULT '{}'::text[] NOT NULL,
	"markers_negative" text[] DEFAULT '{}'::text[] NOT NULL,
	"evidence_quote" text DEFAULT '' NOT NULL,
	"evidence_location" text DEFAULT '' NOT NULL,
	"curator_note" text DEFAULT '' NOT NULL,
	CONSTRAINT "finding_revisions_finding_no_key" UNIQUE("finding_id","revision_no")
);
--> statement-breakpoint
CREATE TABLE "findings" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "findings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"public_id" text GENERATED ALWAYS AS ('EVX-' || lpad(id::text, 6, '0')) STORED NOT NULL,
	"source_id" integer NOT NULL,
	"status" "workflow_status" DEFAULT 'draft' NOT NULL,
	"latest_revision_id" integer,
	"approved_revision_id" integer,
	"lock_version" integer DEFAULT 0 NOT NULL,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"approved_at" timestamp with time zone,
	"target_organ" text NOT NULL,
	"origin" text NOT NULL,
	"direction" text NOT NULL,
	"species" text NOT NULL,
	"study_type" text,
	"effect_direction" text,
	"year" integer,
	"doi" text NOT NULL,
	"cargo_types" text[] DEFAULT '{}'::text[] NOT NULL,
	"cargo_text" text DEFAULT '' NOT NULL,
	"search" "tsvector" DEFAULT ''::tsvector NOT NULL,
	CONSTRAINT "findings_lock_version_nonnegative" CHECK ("findings"."lock_version" >= 0)
);
--> statement-breakpoint
CREATE TABLE "comments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "comments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"finding_id" integer NOT NULL,
	"revision_id" integer,
	"parent_id" integer,
	"author_id" integer NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"edited_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "reviews" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "reviews_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"revision_id" integer NOT NULL,
	"reviewer_id" integer NOT NULL,
	"decision" "review_decision" NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reviews_revision_reviewer_key" UNIQUE("revision_id","reviewer_id")
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"actor_id" integer,
	"action" text NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "release_files" (
	"release_id" integer NOT NULL,
	"format" text NOT NULL,
	"content_type" text NOT NULL,
	"body" "bytea" NOT NULL,
	"sha256" text NOT NULL,
	CONSTRAINT "release_files_release_id_format_pk" PRIMARY KEY("release_id","format")
);
--> statement-breakpoint
CREATE TABLE "release_findings" (
	"release_id" integer NOT NULL,
	"finding_id" integer NOT NULL,
	"revision_id" integer NOT NULL,
	CONSTRAINT "release_findings_release_id_finding_id_pk" PRIMARY KEY("release_id","finding_id")
);
--> statement-breakpoint
CREATE TABLE "releases" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "releases_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"tag" text NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finding_count" integer NOT NULL,
	"source_count" integer NOT NULL,
	"checksum" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sources" ADD CONSTRAINT "sources_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finding_revisions" ADD CONSTRAINT "finding_revisions_finding_id_findings_id_fk" FOREIGN KEY ("finding_id") REFERENCES "public"."findings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finding_revisions" ADD CONSTRAINT "finding_revisions_based_on_revision_id_finding_revisions_id_fk" FOREIGN KEY ("based_on_revision_id") REFERENCES "public"."finding_revisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finding_revisions" ADD CONSTRAINT "finding_revisions_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "findings" ADD CONSTRAINT "findings_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "findings" ADD CONSTRAINT "findings_latest_revision_id_finding_revisions_id_fk" FOREIGN KEY ("latest_revision_id") REFERENCES "public"."finding_revisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "findings" ADD CONSTRAINT "findings_approved_revision_id_finding_revisions_id_fk" FOREIGN KEY ("approved_revision_id") REFERENCES "public"."finding_revisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "findings" ADD CONSTRAINT "findings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_finding_id_findings_id_fk" FOREIGN KEY ("finding_id") REFERENCES "public"."findings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_revision_id_finding_revisions_id_fk" FOREIGN KEY ("revision_id") REFERENCES "public"."finding_revisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_revision_id_finding_revisions_id_fk" FOREIGN KEY ("revision_id") REFERENCES "public"."finding_revisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_reviewer_id_users_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "release_files" ADD CONSTRAINT "release_files_release_id_releases_id_fk" FOREIGN KEY ("release_id") REFERENCES "public"."releases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "release_findings" ADD CONSTRAINT "release_findings_release_id_releases_id_fk" FOREIGN KEY ("release_id") REFERENCES "public"."releases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "release_findings" ADD CONSTRAINT "release_findings_finding_id_findings_id_fk" FOREIGN KEY ("finding_id") REFERENCES "public"."findings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "release_findings" ADD CONSTRAINT "release_findings_revision_id_finding_revisions_id_fk" FOREIGN KEY ("revision_id") REFERENCES "public"."finding_revisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "releases" ADD CONSTRAINT "releases_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "settings" ADD CONSTRAINT "settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "login_attempts_email_at_idx" ON "login_attempts" USING btree ("email","at");--> statement-breakpoint
CREATE INDEX "login_attempts_ip_at_idx" ON "login_attempts" USING btree ("ip","at");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_lower_key" ON "users" USING btree (lower("email"));--> statement-breakpoint
CREATE UNIQUE INDEX "sources_doi_key" ON "sources" USING btree ("doi");--> statement-breakpoint
CREATE INDEX "sources_pmid_idx" ON "sources" USING btree ("pmid");--> statement-breakpoint
CREATE INDEX "finding_revisions_author_idx" ON "finding_revisions" USING btree ("author_id","updated_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "finding_revisions_submitted_idx" ON "finding_revisions" USING btree ("submitted_at");--> statement-breakpoint
CREATE UNIQUE INDEX "findings_public_id_key" ON "findings" USING btree ("public_id");--> statement-breakpoint
CREATE INDEX "findings_public_recent_idx" ON "findings" USING btree ("approved_at" DESC NULLS FIRST,"id" DESC NULLS FIRST) WHERE "findings"."approved_revision_id" is not null;--> statement-breakpoint
CREATE INDEX "findings_public_organ_species_idx" ON "findings" USING btree ("target_organ","species","approved_at" DESC NULLS FIRST,"id" DESC NULLS FIRST) WHERE "findings"."approved_revision_id" is not null;--> statement-breakpoint
CREATE INDEX "findings_public_species_idx" ON "findings" USING btree ("species","approved_at" DESC NULLS FIRST,"id" DESC NULLS FIRST) WHERE "findings"."approved_revision_id" is not null;--> statement-breakpoint
CREATE INDEX "findings_public_year_idx" ON "findings" USING btree ("year" DESC NULLS FIRST,"id" DESC NULLS FIRST) WHERE "findings"."approved_revision_id" is not null;--> statement-breakpoint
CREATE INDEX "findings_public_doi_idx" ON "findings" USING btree ("doi","id") WHERE "findings"."approved_revision_id" is not null;--> statement-breakpoint
CREATE INDEX "findings_status_updated_idx" ON "findings" USING btree ("status","updated_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "findings_created_by_idx" ON "findings" USING btree ("created_by","updated_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "findings_source_idx" ON "findings" USING btree ("source_id");--> statement-breakpoint
CREATE INDEX "findings_search_idx" ON "findings" USING gin ("search");--> statement-breakpoint
CREATE INDEX "findings_cargo_trgm_idx" ON "findings" USING gin ("cargo_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "comments_finding_idx" ON "comments" USING btree ("finding_id","created_at");--> statement-breakpoint
CREATE INDEX "comments_parent_idx" ON "comments" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "reviews_reviewer_idx" ON "reviews" USING btree ("reviewer_id","created_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "audit_events_at_idx" ON "audit_events" USING btree ("at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "audit_events_actor_idx" ON "audit_events" USING btree ("actor_id","at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "audit_events_action_idx" ON "audit_events" USING btree ("action","at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "audit_events_entity_idx" ON "audit_events" USING btree ("entity","entity_id");--> statement-breakpoint
CREATE INDEX "release_findings_revision_idx" ON "release_findings" USING btree ("revision_id");--> statement-breakpoint
CREATE UNIQUE INDEX "releases_tag_key" ON "releases" USING btree ("tag");