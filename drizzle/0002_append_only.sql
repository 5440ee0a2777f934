-- History that researchers cite must not change under them. These triggers make
-- it so in the database itself, whatever code (or person with psql) writes to it.

-- A draft revision is edited in place (autosave); once submitted it is frozen.
CREATE FUNCTION refuse_frozen_revision_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.submitted_at IS NOT NULL THEN
    RAISE EXCEPTION 'finding revision % is submitted and can no longer be changed or deleted', OLD.id
      USING ERRCODE = 'EV001';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER finding_revisions_frozen
  BEFORE UPDATE OR DELETE ON finding_revisions
  FOR EACH ROW EXECUTE FUNCTION refuse_frozen_revision_change();
--> statement-breakpoint
CREATE FUNCTION refuse_append_only_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'EV002';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_events_append_only
  BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change();
--> statement-breakpoint
CREATE TRIGGER audit_events_no_truncate
  BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_append_only_change();
--> statement-breakpoint
CREATE TRIGGER reviews_append_only
  BEFORE UPDATE OR DELETE ON reviews
  FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change();
--> statement-breakpoint
CREATE TRIGGER reviews_no_truncate
  BEFORE TRUNCATE ON reviews
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_append_only_change();
--> statement-breakpoint
CREATE TRIGGER finding_revisions_no_truncate
  BEFORE TRUNCATE ON finding_revisions
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_append_only_change();
