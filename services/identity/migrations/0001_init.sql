-- Up Migration
-- The outbox and inbox come first from service-kit's migrations (packages/service-kit/migrations).
CREATE TABLE unit (
  id             uuid PRIMARY KEY,
  name           text NOT NULL,
  kind           text NOT NULL CHECK (kind IN ('AUTHORITY', 'EMPLOYER', 'TRAINING_BASE')),
  nature         text NOT NULL CHECK (nature IN ('GOVERNMENT', 'PUBLIC_INSTITUTION', 'ENTERPRISE', 'SOCIAL_ORGANIZATION', 'OTHER')),
  industry       text,
  region         text,
  code           text,
  superior_id    uuid REFERENCES unit (id),
  path           text NOT NULL,
  depth          integer NOT NULL CHECK (depth >= 0),
  status         text NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED', 'DISABLED')),
  training_level text CHECK (training_level IN ('NATIONAL', 'PROVINCIAL', 'INDUSTRY', 'MUNICIPAL')),
  version        integer NOT NULL DEFAULT 1,
  created_at     timestamptz(3) NOT NULL DEFAULT now(),
  updated_at     timestamptz(3) NOT NULL DEFAULT now(),
  CONSTRAINT unit_path_ends_with_slash CHECK (path LIKE '/%/')
);
-- NULL codes do not collide in a plain unique index: units may register without one.
CREATE UNIQUE INDEX unit_code_key ON unit (code);
-- text_pattern_ops makes "path LIKE '/a/b/%'" one index range scan whatever the collation.
CREATE UNIQUE INDEX unit_path_key ON unit (path text_pattern_ops);
CREATE INDEX unit_superior_id_idx ON unit (superior_id);

CREATE TABLE account (
  id                  uuid PRIMARY KEY,
  id_type             text NOT NULL CHECK (id_type IN ('RESIDENT_ID', 'PASSPORT', 'HK_MACAO_PERMIT', 'TAIWAN_PERMIT', 'OFFICER_ID')),
  id_number_hash      text NOT NULL,
  id_number_enc       text NOT NULL,
  id_number_masked    text NOT NULL,
  name                text NOT NULL,
  phone_enc           text,
  phone_masked        text,
  email               text,
  password_hash       text NOT NULL,
  status              text NOT NULL CHECK (status IN ('ACTIVE', 'DISABLED')),
  unit_id             uuid REFERENCES unit (id),
  password_changed_at timestamptz(3),
  created_at          timestamptz(3) NOT NULL DEFAULT now(),
  updated_at          timestamptz(3) NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX account_id_type_id_number_hash_key ON account (id_type, id_number_hash);
CREATE INDEX account_unit_id_idx ON account (unit_id);

CREATE TABLE admin (
  id         uuid PRIMARY KEY,
  account_id uuid NOT NULL UNIQUE REFERENCES account (id),
  unit_id    uuid NOT NULL REFERENCES unit (id),
  is_super   boolean NOT NULL DEFAULT false,
  status     text NOT NULL CHECK (status IN ('ACTIVE', 'DISABLED')),
  created_at timestamptz(3) NOT NULL DEFAULT now()
);
CREATE INDEX admin_unit_id_idx ON admin (unit_id);
-- 设为超级管理员 transfers the right, so there is never a second one in a unit.
CREATE UNIQUE INDEX admin_one_super_per_unit ON admin (unit_id) WHERE is_super;

CREATE TABLE role (
  id          uuid PRIMARY KEY,
  unit_id     uuid NOT NULL REFERENCES unit (id),
  name        text NOT NULL,
  permissions text[] NOT NULL DEFAULT '{}',
  UNIQUE (unit_id, name)
);

CREATE TABLE admin_role (
  admin_id uuid NOT NULL REFERENCES admin (id) ON DELETE CASCADE,
  role_id  uuid NOT NULL REFERENCES role (id) ON DELETE CASCADE,
  PRIMARY KEY (admin_id, role_id)
);
CREATE INDEX admin_role_role_id_idx ON admin_role (role_id);

CREATE TABLE professional (
  account_id     uuid PRIMARY KEY REFERENCES account (id),
  unit_id        uuid NOT NULL REFERENCES unit (id),
  status         text NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED')),
  education      text,
  title_series   text,
  title_level    text,
  qualification  text,
  major          text,
  certificate_no text,
  created_at     timestamptz(3) NOT NULL DEFAULT now()
);
CREATE INDEX professional_unit_id_status_idx ON professional (unit_id, status);

-- Down Migration
DROP TABLE professional;
DROP TABLE admin_role;
DROP TABLE role;
DROP TABLE admin;
DROP TABLE account;
DROP TABLE unit;
