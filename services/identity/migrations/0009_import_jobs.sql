-- Up Migration
-- 批量导入 as a durable job (issue 12). The job's row holds its progress and result; the uploaded
-- file waits in import_file from the dry run until the job is done; pg-boss keeps its own queue
-- tables in the schema identity_jobs (created by pg-boss at start).
-- An imported person has no password yet: 未激活 until the first sign-in (after their admin's
-- 重置密码, or the mailed 忘记登录密码 link). Existing accounts are activated.
ALTER TABLE account ADD COLUMN activated boolean NOT NULL DEFAULT true;
-- The import that created a professional (undo removes only its own people), and when they first
-- declared hours (from hours' declaration.submitted events: a person with hours is not undone).
ALTER TABLE professional ADD COLUMN import_job_id uuid;
ALTER TABLE professional ADD COLUMN hours_declared_at timestamptz(3);
CREATE INDEX professional_import_job_idx ON professional (import_job_id) WHERE import_job_id IS NOT NULL;

CREATE TABLE import_job (
  id uuid PRIMARY KEY,
  unit_id uuid NOT NULL REFERENCES unit(id),
  created_by uuid NOT NULL,
  created_by_name text NOT NULL,
  request_id text,
  file_name text NOT NULL,
  -- CHECKED (dry run done, file kept) | QUEUED | RUNNING | DONE | FAILED | UNDONE
  status text NOT NULL,
  -- data rows of the file (the dry run's count) and how many of them committed batches have consumed
  total_rows integer NOT NULL,
  rows_done integer NOT NULL DEFAULT 0,
  importable integer NOT NULL DEFAULT 0,
  created_count integer NOT NULL DEFAULT 0,
  existing_count integer NOT NULL DEFAULT 0,
  invalid_count integer NOT NULL DEFAULT 0,
  error text,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  started_at timestamptz(3),
  finished_at timestamptz(3),
  undone_at timestamptz(3),
  removed_count integer,
  -- undo: the people kept because someone touched them [{ name, idNumberMasked, reason }]
  kept jsonb
);
CREATE INDEX import_job_unit_idx ON import_job (unit_id, created_at DESC);

CREATE TABLE import_file (
  job_id uuid PRIMARY KEY REFERENCES import_job(id) ON DELETE CASCADE,
  bytes bytea NOT NULL
);

-- Down Migration
DROP TABLE import_file;
DROP TABLE import_job;
DROP INDEX professional_import_job_idx;
ALTER TABLE professional DROP COLUMN hours_declared_at;
ALTER TABLE professional DROP COLUMN import_job_id;
ALTER TABLE account DROP COLUMN activated;
DROP SCHEMA IF EXISTS identity_jobs CASCADE;
