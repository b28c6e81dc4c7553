-- Up Migration
-- 学时证明 (issue 11 item 5): the yearly proofs of 认定学时 reporting issued, what each printed, and
-- its state. Not a read model: the rebuild neither creates nor compares it. At most one valid
-- proof per person and year (the partial unique index): issuing again with the same figures
-- answers that one; with other figures it is revoked and a new one issued. The hours handlers
-- revoke it when a voided record or a failed audit changes the person-year's hours.
CREATE TABLE hours_proof (
  id               uuid PRIMARY KEY,
  -- 证明编号 printed on the proof: XSZM{year}{8-digit sequence}.
  proof_no         text NOT NULL UNIQUE,
  -- The verification code of /verify/<code>: 128 random bits, base64url; never derived from the person.
  code             text NOT NULL UNIQUE,
  account_id       uuid NOT NULL,
  year             int NOT NULL,
  name_masked      text NOT NULL,
  id_number_masked text NOT NULL,
  unit_id          uuid,
  unit_name        text NOT NULL,
  general_hours    int NOT NULL,
  professional_hours int NOT NULL,
  compliant        boolean NOT NULL,
  issued_at        timestamptz(3) NOT NULL,
  -- The Beijing date of issued_at, as printed.
  issued_on        date NOT NULL,
  issued_by        uuid NOT NULL,
  status           text NOT NULL DEFAULT 'VALID' CHECK (status IN ('VALID', 'REVOKED')),
  revoked_at       timestamptz(3),
  revoked_reason   text,
  CHECK ((status = 'REVOKED') = (revoked_at IS NOT NULL))
);
CREATE UNIQUE INDEX hours_proof_valid_idx ON hours_proof (account_id, year) WHERE status = 'VALID';
CREATE INDEX hours_proof_account_idx ON hours_proof (account_id, year DESC, issued_at DESC);
CREATE SEQUENCE hours_proof_no_seq;

-- Every look-up on the public verification page: from which address, when, and whether the code
-- named a proof. The rows are also the per-address budget (reporting's Redis user may only read
-- sessions, ADR 009 — as id_lookup_log). The code itself is not kept.
CREATE TABLE proof_verification_log (
  id          bigserial PRIMARY KEY,
  occurred_at timestamptz(3) NOT NULL DEFAULT now(),
  client_ip   text,
  proof_id    uuid,
  request_id  text
);
CREATE INDEX proof_verification_log_client_ip_idx ON proof_verification_log (client_ip, occurred_at DESC);

-- Down Migration
DROP TABLE proof_verification_log;
DROP SEQUENCE hours_proof_no_seq;
DROP TABLE hours_proof;
