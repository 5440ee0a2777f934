-- A release is cited by its tag and checksum: its membership (which revision of which finding) and
-- its stored files must never change, whatever code (or person with psql) writes to the database.
-- Same function and SQLSTATE (EV002) as audit_events and reviews (0002_append_only.sql).
CREATE TRIGGER release_findings_append_only
  BEFORE UPDATE OR DELETE ON release_findings
  FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change();
--> statement-breakpoint
CREATE TRIGGER release_findings_no_truncate
  BEFORE TRUNCATE ON release_findings
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_append_only_change();
--> statement-breakpoint
CREATE TRIGGER release_files_append_only
  BEFORE UPDATE OR DELETE ON release_files
  FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change();
--> statement-breakpoint
CREATE TRIGGER release_files_no_truncate
  BEFORE TRUNCATE ON release_files
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_append_only_change();
--> statement-breakpoint
-- cutRelease (db/queries/releases.ts) inserts the release with an empty checksum, pins its
-- findings, renders the files from them, and only then fills in the counts and the checksum, in
-- the same transaction. That one fill is the only change a release row allows: while the checksum
-- is still empty, to the counts and a non-empty checksum, nothing else. A committed release
-- always has its checksum, so from then on the row is frozen too.
CREATE FUNCTION refuse_release_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE'
     AND OLD.checksum = ''
     AND NEW.checksum <> ''
     AND (to_jsonb(NEW) - 'finding_count' - 'source_count' - 'checksum')
       = (to_jsonb(OLD) - 'finding_count' - 'source_count' - 'checksum') THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'EV002';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER releases_append_only
  BEFORE UPDATE OR DELETE ON releases
  FOR EACH ROW EXECUTE FUNCTION refuse_release_change();
--> statement-breakpoint
CREATE TRIGGER releases_no_truncate
  BEFORE TRUNCATE ON releases
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_append_only_change();
