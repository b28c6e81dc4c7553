// The hours schema refuses a code the contracts do not know: each status, kind, subject and rule
// column's CHECK lists exactly its enum's options, and a stray value is refused at the write.

import { DecisionRow, DeclarationStatus, HourRule, ProfessionalStatus, RejectReasonCode, Subject, UnitKind, UnitStatus } from "@ce/contracts";
import { createTestDatabase, dropTestDatabase, testTag } from "@ce/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../src/db/client.ts";
import { migrate } from "../src/db/migrate.ts";

let databaseUrl: string;
let db: Db;

beforeAll(async () => {
  databaseUrl = await createTestDatabase(testTag("hourscodes"));
  await migrate(databaseUrl);
  db = createDb(databaseUrl);
});
afterAll(async () => {
  await db?.$disconnect();
  await dropTestDatabase(databaseUrl);
});

const ruleKinds = HourRule.options.map((o) => o.shape.kind.value);

/** constraint name → the codes its enum allows. */
const constraints: Array<[string, readonly string[]]> = [
  ["unit_replica_kind_check", UnitKind.options],
  ["unit_replica_status_check", UnitStatus.options],
  ["professional_replica_status_check", ProfessionalStatus.options],
  ["learning_form_version_subjects_check", Subject.options],
  ["learning_form_version_rule_kind_check", ruleKinds],
  ["declaration_status_check", DeclarationStatus.options],
  ["declaration_subject_check", Subject.options],
  ["declaration_decision_kind_check", DecisionRow.shape.kind.options],
  ["declaration_decision_decision_check", DecisionRow.shape.decision.options],
  ["declaration_decision_reason_code_check", RejectReasonCode.options],
];

describe("hours code columns", () => {
  it.each(constraints)("%s lists exactly the contracts' codes", async (name, codes) => {
    const rows = await db.$queryRawUnsafe<{ def: string }[]>(
      "SELECT pg_get_constraintdef(c.oid) AS def FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace WHERE n.nspname = 'hours' AND c.conname = $1",
      name,
    );
    expect(rows).toHaveLength(1);
    const literals = [...rows[0]!.def.matchAll(/'([A-Z_]+)'::text/g)].map((m) => m[1]);
    expect(new Set(literals)).toEqual(new Set(codes));
  });

  const insertUnit = (kind: string, status: string) =>
    db.$executeRawUnsafe(
      "INSERT INTO hours.unit_replica (id, name, kind, path, status, version, updated_at) VALUES (gen_random_uuid(), '测试单位', $1, '/x/', $2, 1, now())",
      kind,
      status,
    );

  const refused: Array<[string, string, string]> = [
    ["a lower-case kind", "employer", "APPROVED"],
    ["an unknown kind", "SCHOOL", "APPROVED"],
    ["an empty status", "EMPLOYER", ""],
    ["a status with a trailing space", "EMPLOYER", "APPROVED "],
    ["a declaration status on a unit", "EMPLOYER", "FILED"],
  ];
  it.each(refused)("refuses a unit replica with %s", async (_name, kind, status) => {
    await expect(insertUnit(kind, status)).rejects.toThrow(/unit_replica_(kind|status)_check/);
  });

  it("accepts every kind and status the contracts allow", async () => {
    for (const kind of UnitKind.options) for (const status of UnitStatus.options) await insertUnit(kind, status);
    const rows = await db.$queryRawUnsafe<{ n: bigint }[]>("SELECT count(*) AS n FROM hours.unit_replica");
    expect(Number(rows[0]!.n)).toBe(UnitKind.options.length * UnitStatus.options.length);
  });
});
