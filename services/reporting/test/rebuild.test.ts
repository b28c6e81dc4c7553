// The rebuild (issue 10 item 3): live read models built by the normal consumers from events that
// arrive out of order, twice, stale or malformed; then both streams replayed into a fresh schema
// must hold the same rows, table by table. A switch repairs damaged live tables, and the live
// consumers go on afterwards, applying each later event exactly once.
import { unitPath } from "@ce/contracts";
import { createLogger, quoteIdent } from "@ce/service-kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SCHEMA } from "../src/config.ts";
import { READ_MODEL_TABLES } from "../src/events/read-model-handlers.ts";
import { REBUILD_SCHEMA, rebuildReadModels } from "../src/rebuild/rebuild.ts";
import { bootReporting, type ReportingSystem } from "./support/boot.ts";
import { declaration, professional, professionalAt, settled, transferredAt, unitCreatedAt, unitMovedAt, unitUnderAt } from "./support/events.ts";

const T = (day: string) => `2026-${day}T02:00:00.000Z`;
const province = unitCreatedAt(T("01-01"), { name: "山东省交通运输厅", region: "370000" });
const cityA = unitUnderAt(T("01-01"), province, { name: "甲市交通运输局" });
const cityB = unitUnderAt(T("01-01"), province, { name: "乙市交通运输局" });
const employer = unitUnderAt(T("01-02"), cityA, { name: "甲市公交", kind: "EMPLOYER", nature: "ENTERPRISE" });
const other = unitUnderAt(T("01-02"), cityB, { name: "乙市地铁", kind: "EMPLOYER", nature: "ENTERPRISE" });
const renamed = { ...unitCreatedAt(T("02-01"), { ...employer.data, name: "甲市公交集团", version: 2 }), type: "ce.identity.unit.updated.v1" };
const moveA = unitMovedAt(T("03-01"), {
  unitId: cityA.data.unitId,
  oldSuperiorId: province.data.unitId,
  newSuperiorId: cityB.data.unitId,
  oldPath: cityA.data.path,
  newPath: unitPath(cityB.data.path, cityA.data.unitId),
  version: 2,
});
const staleMoveBack = unitMovedAt(T("03-02"), { ...moveA.data, oldPath: moveA.data.newPath, newPath: cityA.data.path, newSuperiorId: province.data.unitId });

const p1 = professional("李一", employer);
const p1approved = { ...p1, status: "APPROVED" as const, version: 2 };
const p1updated = { ...p1approved, titleLevel: "SENIOR", version: 3 };
const p1moved = { ...p1updated, unitId: other.data.unitId, unitPath: other.data.path, version: 4 };
const p2 = professional("李二", other);
const p3 = professional("李三", employer, { status: "APPROVED" });

const d1 = declaration(p1approved, 2026, "PROFESSIONAL", 60);
const d2 = declaration(p1approved, 2026, "GENERAL", 30);
const d3 = declaration(p3, 2026, "PROFESSIONAL", 40);
const d4 = declaration(p3, 2026, "GENERAL", 20);
const d5 = declaration(p3, 2026, "GENERAL", 8);

const p1registered = professionalAt("registered", T("01-05"), p1);
const identity = [
  province,
  cityA,
  cityB,
  employer,
  other,
  renamed,
  moveA,
  staleMoveBack,
  // 李一: version 3 arrives before version 2; registered twice (the same event under a second message id, below).
  p1registered,
  professionalAt("updated", T("01-20"), p1updated),
  professionalAt("approved", T("01-06"), p1approved),
  transferredAt(T("05-01"), p1updated, p1moved),
  professionalAt("registered", T("01-07"), p2),
  professionalAt("rejected", T("01-08"), { ...p2, status: "REJECTED", version: 2 }),
  professionalAt("registered", T("01-09"), p3),
];
const hours = [
  d1.submitted(T("02-01")),
  d1.approved(T("02-10")),
  d1.audited(T("03-01")),
  // d2: voided (audit failed) arriving before its approval.
  d2.voided(T("04-01")),
  d2.auditFailed(T("04-01")),
  d2.approved(T("02-11")),
  d3.submitted(T("02-01")),
  d3.rejected(T("02-02")),
  d4.submitted(T("02-03")),
  { ...d4.submitted(T("02-04")), type: "ce.hours.declaration.withdrawn.v1", data: { ...d4.submitted(T("02-04")).data, status: "WITHDRAWN" } },
  d5.approved(T("06-01")),
];

let sys: ReportingSystem;
const log = createLogger("rebuild-test", "silent");
const rebuild = (switchLive = false) => rebuildReadModels({ db: sys.app.db, nats: sys.app.infra.nats, naming: sys.naming, log, live: SCHEMA, switchLive });

/** Every row of a table, as JSON text, sorted: what "the same contents" means. */
async function rows(schema: string, table: string): Promise<string[]> {
  const out = await sys.app.db.$queryRawUnsafe<Array<{ r: string }>>(`SELECT row_to_json(t)::text AS r FROM ${quoteIdent(schema)}.${quoteIdent(table)} t`);
  return out.map((x) => x.r).sort();
}

beforeAll(async () => {
  sys = await bootReporting("rebuild");
  for (const e of identity) await sys.producer.publish(e);
  await sys.producer.publish(p1registered, `${p1registered.id}-republished`);
  await sys.producer.publish({ id: "not-a-uuid", type: "ce.identity.unit.created.v1", data: {} } as never, "garbage-1");
  for (const e of hours) await sys.hours.publish(e);
  await sys.hours.publish(hours[1]!, `${hours[1]!.id}-republished`);
  await settled(sys);
}, 60_000);
afterAll(() => sys.cleanup());

describe("rebuilding the read models", () => {
  it("replays both streams into a fresh schema that holds exactly the live rows, table by table", async () => {
    const report = await rebuild();
    expect(report.identical).toBe(true);
    expect(report.switched).toBe(false);
    expect(report.replays.map((r) => [r.stream, r.applied, r.duplicates, r.skipped])).toEqual([
      ["CE_IDENTITY", identity.length, 1, 1],
      ["CE_HOURS", hours.length, 1, 0],
    ]);
    for (const t of report.tables) expect(t).toMatchObject({ onlyLive: 0, onlyRebuilt: 0 });
    for (const table of READ_MODEL_TABLES) {
      const live = await rows(SCHEMA, table);
      expect(live.length, table).toBeGreaterThan(0);
      expect(await rows(REBUILD_SCHEMA, table), table).toEqual(live);
    }
    // The histories hold what the events said, whatever order they came in.
    const history = await sys.app.db.personHistory.findMany({ where: { accountId: p1.accountId }, orderBy: { version: "asc" } });
    expect(history.map((h) => [h.version, h.status, h.titleLevel, h.unitId, h.validTo?.toISOString() ?? null])).toEqual([
      [1, "PENDING", "INTERMEDIATE", employer.data.unitId, T("01-06")],
      [2, "APPROVED", "INTERMEDIATE", employer.data.unitId, T("01-20")],
      [3, "APPROVED", "SENIOR", employer.data.unitId, T("05-01")],
      [4, "APPROVED", "SENIOR", other.data.unitId, null],
    ]);
    expect(await sys.app.db.hourRecord.findUniqueOrThrow({ where: { declarationId: d2.id } })).toMatchObject({
      status: "VOIDED",
      recognizedHours: 30,
      approvedAt: new Date(T("02-11")),
      voidedAt: new Date(T("04-01")),
    });
  });

  it("reports damaged live tables and switches the rebuilt rows in; later events are then applied once", async () => {
    await sys.app.db.$executeRawUnsafe(`DELETE FROM reporting.person_history WHERE account_id = $1::uuid AND version = 2`, p1.accountId);
    await sys.app.db.$executeRawUnsafe(`UPDATE reporting.hour_record SET recognized_hours = 999 WHERE declaration_id = $1::uuid`, d1.id);
    await sys.app.db.$executeRawUnsafe(`UPDATE reporting.unit_registration_daily SET count = count + 5`);

    const repaired = await rebuild(true);
    expect(repaired.identical).toBe(false);
    expect(repaired.switched).toBe(true);
    expect(repaired.tables.filter((t) => t.onlyLive + t.onlyRebuilt > 0).map((t) => t.table)).toEqual([
      "unit_registration_daily",
      "person_history",
      "hour_record",
    ]);
    const schemas = await sys.app.db.$queryRawUnsafe<unknown[]>(`SELECT 1 FROM information_schema.schemata WHERE schema_name = $1`, REBUILD_SCHEMA);
    expect(schemas).toEqual([]);

    // The live consumers run on: a new approval and a redelivered old event after the switch.
    const later = declaration(p3, 2026, "PROFESSIONAL", 12);
    await sys.hours.publish(later.approved(T("07-01")));
    await sys.hours.publish(hours[0]!, `${hours[0]!.id}-after-switch`);
    await settled(sys);
    expect(await sys.app.db.hourRecord.findUniqueOrThrow({ where: { declarationId: later.id } })).toMatchObject({ recognizedHours: 12 });
    expect(await sys.app.db.hourRecord.findUniqueOrThrow({ where: { declarationId: d1.id } })).toMatchObject({ recognizedHours: 60 });

    const again = await rebuild();
    expect(again.identical).toBe(true);
    expect(again.replays.find((r) => r.stream === "CE_HOURS")).toMatchObject({ applied: hours.length + 1, duplicates: 2 });
  });
});
