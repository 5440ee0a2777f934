CREATE TABLE "grounding_proposals" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "grounding_proposals_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"finding_id" integer NOT NULL,
	"field" text NOT NULL,
	"text" text NOT NULL,
	"candidates" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"reason" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"resolved_by" integer,
	"resolved_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "grounding_proposals_status_check" CHECK ("grounding_proposals"."status" in ('open', 'resolved', 'dismissed'))
);
--> statement-breakpoint
CREATE TABLE "term_ancestors" (
	"curie" text NOT NULL,
	"ancestor" text NOT NULL,
	"depth" integer NOT NULL,
	CONSTRAINT "term_ancestors_ancestor_curie_pk" PRIMARY KEY("ancestor","curie")
);
--> statement-breakpoint
CREATE TABLE "term_requests" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "term_requests_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"kind" text NOT NULL,
	"label" text NOT NULL,
	"definition" text NOT NULL,
	"parent_curie" text,
	"reason" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"requested_by" integer NOT NULL,
	"resolved_term" text,
	"resolved_by" integer,
	"resolved_at" timestamp with time zone,
	"resolution_note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "term_requests_status_check" CHECK ("term_requests"."status" in ('open', 'accepted', 'mapped', 'declined'))
);
--> statement-breakpoint
CREATE TABLE "terms" (
	"curie" text PRIMARY KEY NOT NULL,
	"vocab" text NOT NULL,
	"kind" text NOT NULL,
	"label" text NOT NULL,
	"synonyms" text[] DEFAULT '{}'::text[] NOT NULL,
	"xrefs" text[] DEFAULT '{}'::text[] NOT NULL,
	"parents" text[] DEFAULT '{}'::text[] NOT NULL,
	"species" text,
	"obsolete" boolean DEFAULT false NOT NULL,
	"replaced_by" text,
	"source_version" text NOT NULL,
	"search_text" text NOT NULL,
	"extra" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vocab_releases" (
	"vocab" text PRIMARY KEY NOT NULL,
	"version" text NOT NULL,
	"file_sha256" text NOT NULL,
	"term_count" integer NOT NULL,
	"obsolete_count" integer DEFAULT 0 NOT NULL,
	"loaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "finding_revisions" ADD COLUMN "ev_source_terms" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "finding_revisions" ADD COLUMN "recipient_cell_terms" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "finding_revisions" ADD COLUMN "disease_terms" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "finding_revisions" ADD COLUMN "condition" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "finding_revisions" ADD COLUMN "target_gene_terms" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "finding_revisions" ADD COLUMN "method_terms" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "findings" ADD COLUMN "term_curies" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "grounding_proposals" ADD CONSTRAINT "grounding_proposals_finding_id_findings_id_fk" FOREIGN KEY ("finding_id") REFERENCES "public"."findings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grounding_proposals" ADD CONSTRAINT "grounding_proposals_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "term_requests" ADD CONSTRAINT "term_requests_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "term_requests" ADD CONSTRAINT "term_requests_resolved_term_terms_curie_fk" FOREIGN KEY ("resolved_term") REFERENCES "public"."terms"("curie") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "term_requests" ADD CONSTRAINT "term_requests_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "grounding_proposals_open_idx" ON "grounding_proposals" USING btree ("status","finding_id");--> statement-breakpoint
CREATE INDEX "term_ancestors_curie_idx" ON "term_ancestors" USING btree ("curie");--> statement-breakpoint
CREATE INDEX "term_requests_status_idx" ON "term_requests" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "terms_kind_label_idx" ON "terms" USING btree ("kind",lower("label") text_pattern_ops);--> statement-breakpoint
CREATE INDEX "terms_search_trgm_idx" ON "terms" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "terms_xrefs_idx" ON "terms" USING gin ("xrefs");--> statement-breakpoint
CREATE INDEX "terms_vocab_idx" ON "terms" USING btree ("vocab");--> statement-breakpoint
CREATE INDEX "findings_term_curies_idx" ON "findings" USING gin ("term_curies");