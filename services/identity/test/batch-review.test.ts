// The batch contract (@ce/contracts batch.ts) on every identity batch action, through the real
// database: 审核用人单位, 审核注册人员 and 审核人员信息修改. One table of situations — all waiting,
// some decided first by another admin, an id of another unit, duplicates, 201 ids — run against
// each action, each as 通过 and as 不通过.
import { randomUUID } from "node:crypto";
import { MAX_BATCH_ITEMS } from "@ce/contracts";
import { describe, expect, it } from "vitest";
import { failure, useIdentity } from "./support/boot.ts";
import { employerForm } from "./support/people.ts";

type Who = "sd" | "jn" | "jnBus";
const t = useIdentity<Who>("batchreview", ["sd", "jn", "jnBus"]);
const { tokens } = t;

type Decision = { ids: string[]; decision: "APPROVE" | "REJECT"; reason?: string };
type Outcome = { decided: { id: string; label: string }[]; skipped: { id: string; label: string; reason: string; message: string }[] };
type Seeded = { id: string; label: string };

/** One batch action: how `count` records waiting for 济南市 (or, `elsewhere`, for 青岛市) are made, who decides them, and their stored status. */
interface Action {
  name: string;
  seed: (count: number, elsewhere?: boolean) => Promise<Seeded[]>;
  call: (who: Who, input: Decision) => Promise<Outcome>;
  /** The admin who decides first, of the same reach as 济南市 for these records. */
  other: Who;
  statuses: (ids: string[]) => Promise<string[]>;
}

let ip = 0;
async function pendingEmployers(count: number, elsewhere = false): Promise<Seeded[]> {
  const out: Seeded[] = [];
  for (let i = 0; i < count; i++) {
    const address = `203.0.113.${(ip++ % 250) + 1}`;
    const form = await employerForm(t, t.fixture.units[elsewhere ? "qd" : "jn"].id, {}, address);
    out.push({ id: (await t.client({ ip: address }).registration.employer.mutate(form)).unitId, label: form.unitName });
  }
  return out;
}

async function pendingPeople(count: number, elsewhere = false): Promise<Seeded[]> {
  const out: Seeded[] = [];
  for (let i = 0; i < count; i++) {
    const p = await t.fixture.newProfessional({ unit: elsewhere ? "qdMetro" : "jnBus", status: "PENDING" });
    out.push({ id: p.accountId, label: p.name });
  }
  return out;
}

async function changeRequests(count: number, elsewhere = false): Promise<Seeded[]> {
  const out: Seeded[] = [];
  for (let i = 0; i < count; i++) {
    const p = await t.fixture.newProfessional({ unit: elsewhere ? "qdMetro" : "jnBus" });
    const { id } = await t.client({ token: (await t.login(p)).token }).profileChanges.request.mutate({ major: "桥梁工程" });
    out.push({ id, label: p.name });
  }
  return out;
}

const review = (who: Who) => t.client({ token: tokens[who] }).review;
const actions: Action[] = [
  {
    name: "审核用人单位",
    seed: pendingEmployers,
    call: (who, input) => review(who).decideEmployers.mutate(input),
    other: "sd",
    statuses: async (ids) => (await t.app.db.unit.findMany({ where: { id: { in: ids } }, orderBy: { id: "asc" } })).map((u) => u.status),
  },
  {
    name: "审核注册人员",
    seed: pendingPeople,
    call: (who, input) => review(who).decideProfessionals.mutate(input),
    other: "jnBus",
    statuses: async (ids) => (await t.app.db.professional.findMany({ where: { accountId: { in: ids } }, orderBy: { accountId: "asc" } })).map((p) => p.status),
  },
  {
    name: "审核人员信息修改",
    seed: changeRequests,
    call: (who, input) => t.client({ token: tokens[who] }).profileChanges.decide.mutate(input),
    other: "jnBus",
    statuses: async (ids) => (await t.app.db.profileChangeRequest.findMany({ where: { id: { in: ids } }, orderBy: { id: "asc" } })).map((r) => r.status),
  },
];
const verdicts = [
  { decision: "APPROVE" as const, status: "APPROVED" },
  { decision: "REJECT" as const, status: "REJECTED", reason: "材料不全" },
];
const cases = actions.flatMap((action) => verdicts.map((verdict) => ({ ...action, ...verdict, title: `${action.name} ${verdict.decision}` })));

/** What a refused batch must leave alone: the records' statuses, the outbox and the audit trail. */
async function snapshot(statuses: Action["statuses"], ids: string[]) {
  return { statuses: await statuses(ids), outbox: await t.app.db.outbox.count(), audit: await t.app.db.auditLog.count() };
}

describe.each(cases)("$title under the batch contract", ({ seed, call, other, statuses, decision, status, reason }) => {
  const input = (ids: string[]): Decision => ({ ids, decision, ...(reason ? { reason } : {}) });

  it("all waiting: decides each, labelled by its name", async () => {
    const rows = await seed(2);
    const outcome = await call("jn", input(rows.map((r) => r.id)));
    expect(outcome.decided).toEqual(expect.arrayContaining(rows));
    expect(outcome.decided).toHaveLength(2);
    expect(outcome.skipped).toEqual([]);
    expect(await statuses(rows.map((r) => r.id))).toEqual([status, status]);
  });

  it("some decided first by another admin: the others are decided, those are skipped and named", async () => {
    const rows = await seed(3);
    const first = rows[0] as Seeded;
    expect((await call(other, input([first.id]))).decided).toEqual([first]);
    const audits = await t.app.db.auditLog.count({ where: { entityId: first.id } });
    const outcome = await call("jn", input(rows.map((r) => r.id)));
    expect(outcome.decided).toEqual(expect.arrayContaining(rows.slice(1)));
    expect(outcome.decided).toHaveLength(2);
    expect(outcome.skipped).toEqual([{ ...first, reason: "ALREADY_DECIDED", message: "已被其他管理员处理" }]);
    expect(await t.app.db.auditLog.count({ where: { entityId: first.id } })).toBe(audits);
  });

  it("one id of another unit: the whole batch is refused with NOT_FOUND and nothing is written", async () => {
    const all = [...(await seed(2)), ...(await seed(1, true))].map((r) => r.id);
    const before = await snapshot(statuses, all);
    expect(await failure(call("jn", input(all)))).toMatchObject({ code: "NOT_FOUND", message: "所选记录不存在或不在本单位管辖范围内" });
    expect(await snapshot(statuses, all)).toEqual(before);
  });

  it("duplicates count once", async () => {
    const rows = await seed(2);
    const ids = rows.map((r) => r.id);
    const outcome = await call("jn", input([...ids, ...ids]));
    expect(outcome.decided).toHaveLength(2);
    expect(await statuses(ids)).toEqual([status, status]);
  });

  it(`${MAX_BATCH_ITEMS + 1} ids are refused before anything is read`, async () => {
    const ids = Array.from({ length: MAX_BATCH_ITEMS + 1 }, () => randomUUID());
    const outbox = await t.app.db.outbox.count();
    expect(await failure(call("jn", input(ids)))).toMatchObject({ code: "BAD_REQUEST", message: "一次最多审核200条" });
    expect(await t.app.db.outbox.count()).toBe(outbox);
  });
});
