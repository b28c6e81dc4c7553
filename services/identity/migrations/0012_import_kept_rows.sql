-- Up Migration
-- 批量导入 keeps the dry run's checked rows for the import instead of the uploaded file (issue 12):
-- gzip NDJSON, one line per data row, ID numbers and phones encrypted and blind-indexed
-- (use-cases/import/kept-rows.ts). The job no longer reads the spreadsheet a second time, and the
-- clear file never rests in the database. Uploads kept the old way cannot be imported any more:
-- their jobs end FAILED with a reason (batches already committed stay, and can be undone).
UPDATE import_job
   SET status = 'FAILED', error = '系统升级后需重新校验：请重新上传文件（已导入的批次保留，可撤销）', finished_at = now()
 WHERE status IN ('CHECKED', 'QUEUED', 'RUNNING');
DROP TABLE import_file;
CREATE TABLE import_kept_rows (
  job_id uuid PRIMARY KEY REFERENCES import_job(id) ON DELETE CASCADE,
  rows bytea NOT NULL
);

-- Down Migration
DROP TABLE import_kept_rows;
CREATE TABLE import_file (
  job_id uuid PRIMARY KEY REFERENCES import_job(id) ON DELETE CASCADE,
  bytes bytea NOT NULL
);
