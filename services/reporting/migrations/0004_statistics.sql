-- Up Migration
-- 查询统计's lookups (issue 10 items 5-7, ADR 013): 专业技术人员信息查询 and 学习记录验证 find people
-- in professional_replica by name (contains or exact), 证件号 (blind index: the index of 0002),
-- 证书管理号 and 现专业技术职称资格; 审核通过学时 per month reads hour_record by approval instant.

-- 现专业技术职称资格 of each professional now (the snapshot always carried it; person_history kept
-- it, the replica did not). Existing rows take it from their open history row, the same snapshot.
ALTER TABLE professional_replica ADD COLUMN qualification text;
UPDATE professional_replica r SET qualification = h.qualification
FROM person_history h WHERE h.account_id = r.account_id AND h.valid_to IS NULL;

-- The characters and the pairs of adjacent characters of a name, lower-cased ('王小明' → {王, 王小,
-- 小, 小明, 明}). A name contains a search text only if its grams include all of the text's, so a
-- GIN index over them finds the candidates of "姓名 contains" for any length of text; ILIKE then
-- checks each. (pg_trgm cannot: a 1- or 2-character text — most Chinese name searches — has no
-- trigram and falls back to reading every row; ADR 013 has the measurements.)
CREATE FUNCTION name_grams(name text) RETURNS text[] LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
  l text := lower(name);
  n integer := char_length(l);
  grams text[] := '{}';
  g text;
BEGIN
  FOR i IN 1..n LOOP
    g := substr(l, i, 1);
    IF NOT g = ANY (grams) THEN grams := grams || g; END IF;
    IF i < n THEN
      g := substr(l, i, 2);
      IF NOT g = ANY (grams) THEN grams := grams || g; END IF;
    END IF;
  END LOOP;
  RETURN grams;
END
$$;

CREATE INDEX professional_replica_name_grams_idx ON professional_replica USING gin (reporting.name_grams(name));
-- How many registered people a subtree has (the pager's 共N条 of an unfiltered list): an index-only count.
CREATE INDEX professional_replica_approved_path_idx ON professional_replica (unit_path text_pattern_ops) WHERE status = 'APPROVED';
-- Exact names (学习记录验证) and the lists' order (姓名, then account).
CREATE INDEX professional_replica_name_idx ON professional_replica (name, account_id);
CREATE INDEX professional_replica_certificate_no_idx ON professional_replica (certificate_no) WHERE certificate_no IS NOT NULL;

-- 审核通过学时 per month: records by approval instant, with what the sum needs.
CREATE INDEX hour_record_approved_at_idx ON hour_record (approved_at) INCLUDE (unit_id, recognized_hours, voided_at) WHERE approved_at IS NOT NULL;

-- Down Migration
DROP INDEX hour_record_approved_at_idx;
DROP INDEX professional_replica_certificate_no_idx;
DROP INDEX professional_replica_name_idx;
DROP INDEX professional_replica_approved_path_idx;
DROP INDEX professional_replica_name_grams_idx;
DROP FUNCTION name_grams(text);
ALTER TABLE professional_replica DROP COLUMN qualification;
