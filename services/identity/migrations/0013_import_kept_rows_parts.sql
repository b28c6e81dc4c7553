-- Up Migration
-- 批量导入's kept rows in parts (issue 12): one row per ~5,000 data rows, each part a whole gzip
-- member of whole NDJSON lines (use-cases/import/kept-rows.ts). Written as one 32 MB bytea, a
-- 100,000-row dry run's kept rows cost the identity service ~500 MB of transient memory on top of
-- its own (the client's copies and the protocol's), past the 512 Mi its pod may use; a part costs
-- a few MB. A job kept the old way is part 0 of itself and reads as before.
ALTER TABLE import_kept_rows ADD COLUMN part int NOT NULL DEFAULT 0;
ALTER TABLE import_kept_rows ALTER COLUMN part DROP DEFAULT;
ALTER TABLE import_kept_rows DROP CONSTRAINT import_kept_rows_pkey;
ALTER TABLE import_kept_rows ADD PRIMARY KEY (job_id, part);

-- Down Migration
DELETE FROM import_kept_rows WHERE part > 0;
ALTER TABLE import_kept_rows DROP CONSTRAINT import_kept_rows_pkey;
ALTER TABLE import_kept_rows DROP COLUMN part;
ALTER TABLE import_kept_rows ADD PRIMARY KEY (job_id);
