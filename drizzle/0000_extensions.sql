-- Trigram matching for partial cargo names (miR-133 finds miR-133a, miR-133b).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
