-- Up Migration
-- One number is one person whatever 证件类型 it was entered under: registration, 新增管理员 and
-- 批量导入 › 校验 ask for a number's blind index under every type (security/pii.ts
-- blindIndexesOfNumber), i.e. by id_number_hash alone, which the (id_type, id_number_hash) key
-- cannot serve.
CREATE INDEX account_id_number_hash_idx ON account (id_number_hash);

-- Down Migration
DROP INDEX account_id_number_hash_idx;
