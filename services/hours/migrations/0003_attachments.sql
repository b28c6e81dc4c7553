-- Up Migration
-- 附件: bytes live in the JetStream object store under the row's id; here only what we know of them.
CREATE TABLE attachment (
  id             uuid PRIMARY KEY,
  declaration_id uuid NOT NULL REFERENCES declaration (id),
  original_name  text NOT NULL,
  content_type   text NOT NULL,
  size           integer NOT NULL,
  sha256         text NOT NULL,
  uploaded_by    uuid NOT NULL,
  created_at     timestamptz(3) NOT NULL DEFAULT now()
);
CREATE INDEX attachment_declaration_idx ON attachment (declaration_id);
CREATE INDEX attachment_sha256_idx ON attachment (sha256);

-- Down Migration
DROP TABLE attachment;
