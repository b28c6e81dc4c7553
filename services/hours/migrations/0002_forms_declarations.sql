-- Up Migration
-- 学习形式 as data: a form and its dated versions; a declaration keeps the version it was computed with.
CREATE TABLE learning_form (
  id         uuid PRIMARY KEY,
  code       text NOT NULL UNIQUE,
  sort_order integer NOT NULL
);

CREATE TABLE learning_form_version (
  id             uuid PRIMARY KEY,
  form_id        uuid NOT NULL REFERENCES learning_form (id),
  version        integer NOT NULL,
  effective_from date NOT NULL,
  name           text NOT NULL,
  fields         jsonb NOT NULL,
  hint           text NOT NULL,
  subjects       text[] NOT NULL,
  rule           jsonb NOT NULL,
  created_by     uuid,
  created_at     timestamptz(3) NOT NULL DEFAULT now(),
  UNIQUE (form_id, version)
);

-- Professionals as identity publishes them; declarations are made only for approved ones.
CREATE TABLE professional_replica (
  account_id        uuid PRIMARY KEY,
  name              text NOT NULL,
  id_number_masked  text NOT NULL,
  unit_id           uuid NOT NULL,
  unit_path         text NOT NULL,
  status            text NOT NULL,
  version           integer NOT NULL,
  updated_at        timestamptz(3) NOT NULL
);
CREATE INDEX professional_replica_unit_path_idx ON professional_replica (unit_path text_pattern_ops);

CREATE TABLE declaration (
  id                 uuid PRIMARY KEY,
  professional_id    uuid NOT NULL REFERENCES professional_replica (account_id),
  professional_name  text NOT NULL,
  unit_id            uuid NOT NULL,
  unit_path          text NOT NULL,
  year               integer NOT NULL,
  form_version_id    uuid NOT NULL REFERENCES learning_form_version (id),
  school_name        text NOT NULL,
  class_name         text NOT NULL,
  content            text,
  start_date         date NOT NULL,
  end_date           date NOT NULL,
  score              text NOT NULL,
  subject            text NOT NULL,
  details            jsonb NOT NULL,
  requested_hours    integer NOT NULL,
  computed_hours     integer NOT NULL,
  explanation        text NOT NULL,
  recognized_hours   integer,
  chain              jsonb NOT NULL,
  step_index         integer NOT NULL,
  current_handler_id uuid,
  status             text NOT NULL,
  declared_by        uuid NOT NULL,
  declared_by_unit   uuid,
  created_at         timestamptz(3) NOT NULL DEFAULT now(),
  updated_at         timestamptz(3) NOT NULL DEFAULT now()
);
CREATE INDEX declaration_unit_path_idx ON declaration (unit_path text_pattern_ops);
CREATE INDEX declaration_professional_idx ON declaration (professional_id, year);
CREATE INDEX declaration_handler_idx ON declaration (current_handler_id) WHERE status = 'PENDING';

-- The default catalog (hour rules after common provincial practice; province admins version it).
INSERT INTO learning_form (id, code, sort_order) VALUES
  ('6f1c0000-0000-4000-8000-000000000001', 'FACE_TO_FACE', 1),
  ('6f1c0000-0000-4000-8000-000000000002', 'ONLINE', 2),
  ('6f1c0000-0000-4000-8000-000000000003', 'CONFERENCE', 3),
  ('6f1c0000-0000-4000-8000-000000000004', 'DEGREE', 4),
  ('6f1c0000-0000-4000-8000-000000000005', 'PROJECT', 5),
  ('6f1c0000-0000-4000-8000-000000000006', 'PUBLICATION', 6),
  ('6f1c0000-0000-4000-8000-000000000007', 'TEACHING', 7),
  ('6f1c0000-0000-4000-8000-000000000008', 'FIELD_STUDY', 8),
  ('6f1c0000-0000-4000-8000-000000000009', 'QUALIFICATION_EXAM', 9),
  ('6f1c0000-0000-4000-8000-000000000010', 'JOB_TRAINING', 10);

INSERT INTO learning_form_version (id, form_id, version, effective_from, name, fields, hint, subjects, rule) VALUES
  ('6f1c0001-0000-4000-8000-000000000001', '6f1c0000-0000-4000-8000-000000000001', 1, '2015-01-01', '培训/研修/进修 面授',
   '[{"key":"days","label":"培训天数","type":"number","required":true}]', '提交培训结业证书或学习证明扫描件',
   '{GENERAL,PROFESSIONAL}', '{"kind":"PER_DAY","hoursPerDay":8,"capPerItem":90,"capPerYear":null}'),
  ('6f1c0001-0000-4000-8000-000000000002', '6f1c0000-0000-4000-8000-000000000002', 1, '2015-01-01', '网络/远程培训',
   '[]', '提交网络培训学时证明扫描件',
   '{GENERAL,PROFESSIONAL}', '{"kind":"ACTUAL","capPerItem":60,"capPerYear":null}'),
  ('6f1c0001-0000-4000-8000-000000000003', '6f1c0000-0000-4000-8000-000000000003', 1, '2015-01-01', '学术会议',
   '[{"key":"rank","label":"会议级别","type":"select","required":true,"options":[{"value":"NATIONAL","label":"国家级"},{"value":"PROVINCIAL","label":"省级"}]},{"key":"withPaper","label":"提交论文","type":"checkbox","required":false}]',
   '提交会议通知及参会证明扫描件', '{PROFESSIONAL}',
   '{"kind":"RANK","ranks":[{"code":"NATIONAL","label":"国家级学术会议","hours":12,"paperBonus":6},{"code":"PROVINCIAL","label":"省级学术会议","hours":8,"paperBonus":4}],"capPerYear":null}'),
  ('6f1c0001-0000-4000-8000-000000000004', '6f1c0000-0000-4000-8000-000000000004', 1, '2015-01-01', '学历/学位/课程进修',
   '[{"key":"items","label":"通过课程门数","type":"number","required":true}]', '提交课程成绩单或学历学位证书扫描件',
   '{PROFESSIONAL}', '{"kind":"PER_ITEM","hoursPerItem":30,"capPerYear":90}'),
  ('6f1c0001-0000-4000-8000-000000000005', '6f1c0000-0000-4000-8000-000000000005', 1, '2015-01-01', '课题/项目',
   '[{"key":"rank","label":"课题级别","type":"select","required":true,"options":[{"value":"NATIONAL","label":"国家级"},{"value":"PROVINCIAL","label":"省部级"},{"value":"MUNICIPAL","label":"市厅级"}]}]',
   '提交课题立项或结题证明扫描件', '{PROFESSIONAL}',
   '{"kind":"RANK","ranks":[{"code":"NATIONAL","label":"国家级课题","hours":40,"paperBonus":0},{"code":"PROVINCIAL","label":"省部级课题","hours":30,"paperBonus":0},{"code":"MUNICIPAL","label":"市厅级课题","hours":20,"paperBonus":0}],"capPerYear":null}'),
  ('6f1c0001-0000-4000-8000-000000000006', '6f1c0000-0000-4000-8000-000000000006', 1, '2015-01-01', '论文/著作',
   '[{"key":"rank","label":"成果类型","type":"select","required":true,"options":[{"value":"MONOGRAPH","label":"著作"},{"value":"CORE","label":"核心期刊论文"},{"value":"GENERAL","label":"一般期刊论文"}]}]',
   '提交论文或著作封面、目录扫描件', '{PROFESSIONAL}',
   '{"kind":"RANK","ranks":[{"code":"MONOGRAPH","label":"著作","hours":40,"paperBonus":0},{"code":"CORE","label":"核心期刊论文","hours":20,"paperBonus":0},{"code":"GENERAL","label":"一般期刊论文","hours":10,"paperBonus":0}],"capPerYear":60}'),
  ('6f1c0001-0000-4000-8000-000000000007', '6f1c0000-0000-4000-8000-000000000007', 1, '2015-01-01', '授课',
   '[{"key":"teachingHours","label":"授课时长(小时)","type":"number","required":true}]', '提交授课通知或课程安排扫描件',
   '{GENERAL,PROFESSIONAL}', '{"kind":"RATIO","perHour":3,"capPerItem":null,"capPerYear":60}'),
  ('6f1c0001-0000-4000-8000-000000000008', '6f1c0000-0000-4000-8000-000000000008', 1, '2015-01-01', '考察/调研',
   '[{"key":"days","label":"考察天数","type":"number","required":true}]', '提交考察调研报告扫描件',
   '{PROFESSIONAL}', '{"kind":"PER_DAY","hoursPerDay":4,"capPerItem":24,"capPerYear":null}'),
  ('6f1c0001-0000-4000-8000-000000000009', '6f1c0000-0000-4000-8000-000000000009', 1, '2015-01-01', '资格考试',
   '[]', '提交资格考试合格证书扫描件',
   '{PROFESSIONAL}', '{"kind":"PER_ITEM","hoursPerItem":30,"capPerYear":null}'),
  ('6f1c0001-0000-4000-8000-000000000010', '6f1c0000-0000-4000-8000-000000000010', 1, '2015-01-01', '岗位培训',
   '[]', '提交岗位培训结业证书扫描件',
   '{PROFESSIONAL}', '{"kind":"ACTUAL","capPerItem":90,"capPerYear":null}');

-- Down Migration
DROP TABLE declaration;
DROP TABLE professional_replica;
DROP TABLE learning_form_version;
DROP TABLE learning_form;
