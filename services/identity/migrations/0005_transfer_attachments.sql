-- Up Migration
-- 人员调转 附件: the bytes live in the JetStream object store (bucket transfer-attachments) under
-- attachment_key; the type is the one detected from the bytes, not from the file's name.
ALTER TABLE transfer ADD COLUMN attachment_key uuid;
ALTER TABLE transfer ADD COLUMN attachment_type text;
ALTER TABLE transfer ADD COLUMN attachment_size integer;
ALTER TABLE transfer ADD COLUMN attachment_sha256 text;

-- Down Migration
ALTER TABLE transfer DROP COLUMN attachment_sha256;
ALTER TABLE transfer DROP COLUMN attachment_size;
ALTER TABLE transfer DROP COLUMN attachment_type;
ALTER TABLE transfer DROP COLUMN attachment_key;
