CREATE TABLE "export_records" (
	"finding_id" integer PRIMARY KEY NOT NULL,
	"revision_id" integer NOT NULL,
	"approved_by_id" integer,
	"csv_line" text NOT NULL,
	"json_text" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "export_records" ADD CONSTRAINT "export_records_finding_id_findings_id_fk" FOREIGN KEY ("finding_id") REFERENCES "public"."findings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "export_records" ADD CONSTRAINT "export_records_revision_id_finding_revisions_id_fk" FOREIGN KEY ("revision_id") REFERENCES "public"."finding_revisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "export_records" ADD CONSTRAINT "export_records_approved_by_id_users_id_fk" FOREIGN KEY ("approved_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "export_records_approved_by_idx" ON "export_records" USING btree ("approved_by_id");--> statement-breakpoint
-- An export cell in CSV, as lib/export/record.ts + csv-stringify write it: neutralized against formula
-- injection (a leading ' before = + - @ tab CR), then quoted when it holds a quote, comma, CR or LF.
CREATE FUNCTION export_csv_cell(v text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  -- One expression, so that the planner inlines it (a call per cell costs more than the rest of the record).
  SELECT CASE
    WHEN v IS NULL OR v = '' THEN ''
    WHEN v ~ E'[",\r\n]' THEN '"'
      || CASE WHEN left(v, 1) IN ('=', '+', '-', '@', E'\t', E'\r') THEN '''' ELSE '' END
      || replace(v, '"', '""') || '"'
    ELSE CASE WHEN left(v, 1) IN ('=', '+', '-', '@', E'\t', E'\r') THEN '''' ELSE '' END || v
  END
$$;
--> statement-breakpoint
-- The export records of these findings (approved ones only), as lib/export/record.ts writes them:
-- the JSON object (row_to_json escapes as JSON.stringify does; keys in EXPORT_COLUMNS order) and the
-- CSV line (lists joined with "; ", booleans yes / no, every cell through export_csv_cell, CRLF).
CREATE FUNCTION export_record_rows(ids integer[])
RETURNS TABLE (finding_id integer, revision_id integer, approved_by_id integer, csv_line text, json_text text)
LANGUAGE sql STABLE AS $$
  SELECT f.id, r.id, approval.reviewer_id,
    concat_ws(',',
      export_csv_cell(j.finding_id), export_csv_cell(j.revision::text), export_csv_cell(j.target_organ),
      export_csv_cell(j.species), export_csv_cell(j.ev_source), export_csv_cell(array_to_string(j.ev_cargo, '; ', '')),
      export_csv_cell(j.recipient_cell), export_csv_cell(j.model_disease), export_csv_cell(j.result),
      export_csv_cell(array_to_string(j.ev_cargo_types, '; ', '')), export_csv_cell(j.direction),
      export_csv_cell(j.origin), export_csv_cell(j.study_type), export_csv_cell(j.effect_direction),
      export_csv_cell(array_to_string(j.mechanism, '; ', '')), export_csv_cell(j.ev_type),
      export_csv_cell(array_to_string(j.separation_methods, '; ', '')),
      export_csv_cell(array_to_string(j.particle_analysis, '; ', '')),
      export_csv_cell(array_to_string(j.em_methods, '; ', '')),
      export_csv_cell(array_to_string(j.markers_positive, '; ', '')),
      export_csv_cell(array_to_string(j.markers_negative, '; ', '')),
      export_csv_cell(j.evidence_quote), export_csv_cell(j.evidence_location), export_csv_cell(j.evidence_prefix),
      export_csv_cell(j.evidence_suffix), export_csv_cell(j.evidence_start::text), export_csv_cell(j.evidence_end::text),
      export_csv_cell(j.evidence_snapshot_sha256),
      CASE j.evidence_verified WHEN true THEN 'yes' WHEN false THEN 'no' ELSE '' END,
      export_csv_cell(j.curator_note), export_csv_cell(j.target_organ_id), export_csv_cell(j.species_id),
      export_csv_cell(j.origin_id),
      export_csv_cell(array_to_string(j.ev_source_terms, '; ', '')),
      export_csv_cell(array_to_string(j.ev_source_ids, '; ', '')),
      export_csv_cell(array_to_string(j.recipient_cell_terms, '; ', '')),
      export_csv_cell(array_to_string(j.recipient_cell_ids, '; ', '')),
      export_csv_cell(array_to_string(j.disease_terms, '; ', '')),
      export_csv_cell(array_to_string(j.disease_ids, '; ', '')),
      export_csv_cell(j.condition),
      export_csv_cell(array_to_string(j.target_gene_terms, '; ', '')),
      export_csv_cell(array_to_string(j.target_gene_ids, '; ', '')),
      export_csv_cell(array_to_string(j.detection_method_terms, '; ', '')),
      export_csv_cell(array_to_string(j.detection_method_ids, '; ', '')),
      export_csv_cell(array_to_string(j.ev_cargo_ids, '; ', '')),
      export_csv_cell(j.doi), export_csv_cell(j.citation), export_csv_cell(j.approved_by),
      export_csv_cell(j.approved_at)
    ) || E'\r\n',
    row_to_json(j)::text
  FROM findings f
  JOIN finding_revisions r ON r.id = f.approved_revision_id
  JOIN sources s ON s.id = f.source_id
  -- The approval that published the revision: the latest 'approve' on it (with dual review, the second).
  LEFT JOIN LATERAL (
    SELECT rv.reviewer_id, rv.created_at FROM reviews rv
    WHERE rv.revision_id = r.id AND rv.decision = 'approve'
    ORDER BY rv.created_at DESC, rv.id DESC LIMIT 1
  ) approval ON true
  LEFT JOIN users u ON u.id = approval.reviewer_id
  CROSS JOIN LATERAL (
    SELECT
      f.public_id AS finding_id,
      r.revision_no AS revision,
      r.target_organ_label AS target_organ,
      r.species_label AS species,
      r.ev_source AS ev_source,
      array(SELECT e->>'name' FROM jsonb_array_elements(r.cargo) WITH ORDINALITY x(e, o) ORDER BY o) AS ev_cargo,
      r.recipient_cell AS recipient_cell,
      r.model_disease AS model_disease,
      r.result AS result,
      array(SELECT e->>'type' FROM jsonb_array_elements(r.cargo) WITH ORDINALITY x(e, o) ORDER BY o) AS ev_cargo_types,
      r.direction AS direction,
      r.origin_label AS origin,
      coalesce(r.study_type, '') AS study_type,
      coalesce(r.effect_direction, '') AS effect_direction,
      r.mechanism AS mechanism,
      coalesce(r.ev_type, '') AS ev_type,
      r.separation_methods AS separation_methods,
      r.particle_analysis AS particle_analysis,
      r.em_methods AS em_methods,
      r.markers_positive AS markers_positive,
      r.markers_negative AS markers_negative,
      r.evidence_quote AS evidence_quote,
      r.evidence_location AS evidence_location,
      coalesce(r.evidence_anchor->'quote'->>'prefix', '') AS evidence_prefix,
      coalesce(r.evidence_anchor->'quote'->>'suffix', '') AS evidence_suffix,
      (r.evidence_anchor->'position'->>'start')::int AS evidence_start,
      (r.evidence_anchor->'position'->>'end')::int AS evidence_end,
      coalesce(r.evidence_anchor->'snapshot'->>'sha256', '') AS evidence_snapshot_sha256,
      r.evidence_verified AS evidence_verified,
      r.curator_note AS curator_note,
      r.target_organ AS target_organ_id,
      r.species AS species_id,
      r.origin AS origin_id,
      array(SELECT e->>'label' FROM jsonb_array_elements(r.ev_source_terms) WITH ORDINALITY x(e, o) ORDER BY o) AS ev_source_terms,
      array(SELECT coalesce(e->>'curie', '') FROM jsonb_array_elements(r.ev_source_terms) WITH ORDINALITY x(e, o) ORDER BY o) AS ev_source_ids,
      array(SELECT e->>'label' FROM jsonb_array_elements(r.recipient_cell_terms) WITH ORDINALITY x(e, o) ORDER BY o) AS recipient_cell_terms,
      array(SELECT coalesce(e->>'curie', '') FROM jsonb_array_elements(r.recipient_cell_terms) WITH ORDINALITY x(e, o) ORDER BY o) AS recipient_cell_ids,
      array(SELECT e->>'label' FROM jsonb_array_elements(r.disease_terms) WITH ORDINALITY x(e, o) ORDER BY o) AS disease_terms,
      array(SELECT coalesce(e->>'curie', '') FROM jsonb_array_elements(r.disease_terms) WITH ORDINALITY x(e, o) ORDER BY o) AS disease_ids,
      r.condition AS condition,
      array(SELECT e->>'label' FROM jsonb_array_elements(r.target_gene_terms) WITH ORDINALITY x(e, o) ORDER BY o) AS target_gene_terms,
      array(SELECT coalesce(e->>'curie', '') FROM jsonb_array_elements(r.target_gene_terms) WITH ORDINALITY x(e, o) ORDER BY o) AS target_gene_ids,
      array(SELECT e->>'label' FROM jsonb_array_elements(r.method_terms) WITH ORDINALITY x(e, o) ORDER BY o) AS detection_method_terms,
      array(SELECT coalesce(e->>'curie', '') FROM jsonb_array_elements(r.method_terms) WITH ORDINALITY x(e, o) ORDER BY o) AS detection_method_ids,
      array(SELECT coalesce(e->>'curie', '') FROM jsonb_array_elements(r.cargo) WITH ORDINALITY x(e, o) ORDER BY o) AS ev_cargo_ids,
      s.doi AS doi,
      -- formatCitation (lib/citation.ts): "Authors (year). Title. Journal volume. doi:…", empty parts left out.
      concat_ws(' ',
        CASE WHEN nullif(s.authors, '') IS NOT NULL THEN s.authors || ' (' || coalesce(s.year::text, 'n.d.') || ').'
             WHEN s.year IS NOT NULL THEN '(' || s.year || ').' END,
        CASE WHEN nullif(s.title, '') IS NOT NULL THEN regexp_replace(s.title, '\.$', '') || '.' END,
        CASE WHEN nullif(s.journal, '') IS NOT NULL OR nullif(s.volume_pages, '') IS NOT NULL
          THEN concat_ws(' ', nullif(s.journal, ''), nullif(s.volume_pages, '')) || '.' END,
        'doi:' || s.doi) AS citation,
      coalesce(u.name, '') AS approved_by,
      coalesce(to_char(approval.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
        to_char(f.approved_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), '') AS approved_at
  ) j
  WHERE f.id = ANY(ids)
$$;
--> statement-breakpoint
-- Rewrite the records of these findings from their current inputs; a finding no longer approved loses its record.
CREATE FUNCTION export_records_refresh(ids integer[]) RETURNS void LANGUAGE sql AS $$
  DELETE FROM export_records e WHERE e.finding_id = ANY(ids)
    AND NOT EXISTS (SELECT 1 FROM findings f WHERE f.id = e.finding_id AND f.approved_revision_id IS NOT NULL);
  INSERT INTO export_records (finding_id, revision_id, approved_by_id, csv_line, json_text)
  SELECT * FROM export_record_rows(ids)
  ON CONFLICT (finding_id) DO UPDATE SET revision_id = excluded.revision_id,
    approved_by_id = excluded.approved_by_id, csv_line = excluded.csv_line, json_text = excluded.json_text;
$$;
--> statement-breakpoint
CREATE FUNCTION export_records_on_finding() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM export_records_refresh(ARRAY[NEW.id]);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER findings_export_record_insert AFTER INSERT ON findings
  FOR EACH ROW WHEN (NEW.approved_revision_id IS NOT NULL) EXECUTE FUNCTION export_records_on_finding();
--> statement-breakpoint
CREATE TRIGGER findings_export_record_update AFTER UPDATE OF approved_revision_id, approved_at, source_id ON findings
  FOR EACH ROW WHEN (OLD.approved_revision_id IS DISTINCT FROM NEW.approved_revision_id
    OR OLD.approved_at IS DISTINCT FROM NEW.approved_at OR OLD.source_id IS DISTINCT FROM NEW.source_id)
  EXECUTE FUNCTION export_records_on_finding();
--> statement-breakpoint
-- An approval recorded after the finding already points at the revision (either order works).
CREATE FUNCTION export_records_on_review() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM export_records_refresh(array(
    SELECT f.id FROM finding_revisions r JOIN findings f ON f.id = r.finding_id
    WHERE r.id = NEW.revision_id AND f.approved_revision_id = NEW.revision_id));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER reviews_export_record AFTER INSERT ON reviews
  FOR EACH ROW WHEN (NEW.decision = 'approve') EXECUTE FUNCTION export_records_on_review();
--> statement-breakpoint
CREATE FUNCTION export_records_on_source() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM export_records_refresh(array(
    SELECT f.id FROM findings f WHERE f.source_id = NEW.id AND f.approved_revision_id IS NOT NULL));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER sources_export_record AFTER UPDATE OF doi, authors, year, title, journal, volume_pages ON sources
  FOR EACH ROW WHEN ((OLD.doi, OLD.authors, OLD.year, OLD.title, OLD.journal, OLD.volume_pages)
    IS DISTINCT FROM (NEW.doi, NEW.authors, NEW.year, NEW.title, NEW.journal, NEW.volume_pages))
  EXECUTE FUNCTION export_records_on_source();
--> statement-breakpoint
CREATE FUNCTION export_records_on_user() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM export_records_refresh(array(SELECT e.finding_id FROM export_records e WHERE e.approved_by_id = NEW.id));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER users_export_record AFTER UPDATE OF name ON users
  FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION export_records_on_user();
--> statement-breakpoint
-- The records of the findings approved before this migration.
SELECT export_records_refresh(array(SELECT id FROM findings WHERE approved_revision_id IS NOT NULL));
