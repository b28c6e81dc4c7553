-- Up Migration
-- 未激活 in 专业技术人员信息查询 (issue 12 item 5): a person 批量导入 created starts unactivated and
-- activates at their first sign-in; identity's professional snapshot carries `activated` since then
-- (older events carry none and mean true, as every person registered before imports was).
ALTER TABLE professional_replica ADD COLUMN activated boolean NOT NULL DEFAULT true;

-- Down Migration
ALTER TABLE professional_replica DROP COLUMN activated;
