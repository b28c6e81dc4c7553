// The batch contract (@ce/contracts batch.ts) on every hours batch action, through the real
// database: 批量审核通过, 批量驳回 (学时审批) and 审验通过, 审验不通过 (学时审验). One table of
// situations — all waiting, some decided first by another admin, an id of another unit, duplicates,
// 201 ids — run against each action.
import { MAX_BATCH_ITEMS } from "@ce/contracts";
import { serviceClient } from "@ce/service-kit/testing";
import { describe, expect, it } from "vitest";
import type { HoursRouter } from "../src/routers/index.ts";
import { seedPendingDeclarations } from "./support/declarations.ts";
import { refusal } from "./support/refusal.ts";
import { adminOf, busDriver, jinan, portWorker, province, qingdao, type UnitEnvelope, useHoursWorld } from "./support/world.ts";

const world = useHoursWorld("hoursbatch", () => new Date("2026-06-15T08:00:00Z"));
type Client = ReturnType<typeof serviceClient<HoursRouter>>;
const chainOf = (u: UnitEnvelope) => [u, province].map((x) => ({ id: x.data.unitId, name: x.data.name }));

/** One batch action: what it seeds as waiting for 济南市, how it is called, and what a decided row becomes. */
interface Action {
  name: string;
  /** `count` records waiting for 济南市 (of 济南公交's driver), or for 青岛市 when `elsewhere` (of 青岛港's worker). */
  seed: (count: number, elsewhere?: boolean) => Promise<string[]>;
  call: (c: Client, ids: string[]) => Promise<{ decided: { id: string; label: string }[]; skipped: { id: string; label: string; message: string }[] }>;
  label: string;
  decidedStatus: string;
}

/** Pending declarations at the first level of [unit, 省厅]. */
const pending = (count: number, elsewhere = false) =>
  seedPendingDeclarations(world.app.db, {
    count,
    professional: elsewhere ? portWorker.data : busDriver.data,
    chain: chainOf(elsewhere ? qingdao : jinan),
    stepIndex: 0,
  });

/** Declarations the whole chain approved (审核通过), ready for a city's 学时审验. */
async function approved(count: number, elsewhere = false) {
  const ids = await pending(count, elsewhere);
  await world.app.db.declaration.updateMany({ where: { id: { in: ids } }, data: { status: "APPROVED", currentHandlerId: null, recognizedHours: 8 } });
  return ids;
}

const actions: Action[] = [
  { name: "批量审核通过", seed: pending, call: (c, ids) => c.approvals.batchApprove.mutate({ ids }), label: "的申报", decidedStatus: "PENDING" },
  {
    name: "批量驳回",
    seed: pending,
    call: (c, ids) => c.approvals.batchReject.mutate({ ids, reasonCode: "DUPLICATE" }),
    label: "的申报",
    decidedStatus: "REJECTED",
  },
  { name: "审验通过", seed: approved, call: (c, ids) => c.audits.pass.mutate({ ids }), label: "的记录", decidedStatus: "FILED" },
  { name: "审验不通过", seed: approved, call: (c, ids) => c.audits.fail.mutate({ ids, reason: "证书无法核实" }), label: "的记录", decidedStatus: "VOIDED" },
];

const jinanAdmin = async () => serviceClient<HoursRouter>(world.app.url, await adminOf(world, jinan));
/** The rows' status, handler and decision count, and the outbox's size: what a refused batch must leave alone. */
async function snapshot(ids: string[]) {
  const rows = await world.app.db.declaration.findMany({ where: { id: { in: ids } }, include: { decisions: true }, orderBy: { id: "asc" } });
  return { rows: rows.map((r) => [r.id, r.status, r.currentHandlerId, r.decisions.length]), outbox: await world.app.db.outbox.count() };
}
describe.each(actions)("$name under the batch contract", (action) => {
  const name = busDriver.data.name;

  it("all waiting: decides each, labelled the way the admin knows it", async () => {
    const ids = await action.seed(3);
    const outcome = await action.call(await jinanAdmin(), ids);
    expect(outcome.decided.map((d) => d.id).sort()).toEqual([...ids].sort());
    expect(outcome.decided.map((d) => d.label)).toEqual(ids.map(() => `${name}${action.label}`));
    expect(outcome.skipped).toEqual([]);
    const rows = await world.app.db.declaration.findMany({ where: { id: { in: ids } }, include: { decisions: true } });
    expect(rows.map((r) => [r.status, r.decisions.length])).toEqual(ids.map(() => [action.decidedStatus, 1]));
  });

  it("some decided first by another admin: the others are decided, those are skipped and named, never decided twice", async () => {
    const ids = await action.seed(3);
    const first = ids[1] as string;
    expect((await action.call(await jinanAdmin(), [first])).decided.map((d) => d.id)).toEqual([first]);
    const outcome = await action.call(await jinanAdmin(), ids);
    expect(outcome.decided.map((d) => d.id).sort()).toEqual(ids.filter((id) => id !== first).sort());
    expect(outcome.skipped).toEqual([{ id: first, label: `${name}${action.label}`, reason: "ALREADY_DECIDED", message: "已被其他管理员处理" }]);
    const trail = await world.app.db.declarationDecision.count({ where: { declarationId: first } });
    expect(trail).toBe(1);
  });

  it("one id of another unit: the whole batch is refused with NOT_FOUND and nothing is written", async () => {
    const mine = await action.seed(2);
    const [theirs] = await action.seed(1, true);
    const all = [...mine, theirs as string];
    const before = await snapshot(all);
    expect(await refusal(action.call(await jinanAdmin(), all))).toMatchObject({ code: "NOT_FOUND", message: "申报记录不存在或不在您的管理范围内" });
    expect(await snapshot(all)).toEqual(before);
  });

  it("duplicates count once", async () => {
    const ids = await action.seed(2);
    const outcome = await action.call(await jinanAdmin(), [ids[0]!, ids[1]!, ids[0]!, ids[1]!]);
    expect(outcome.decided.map((d) => d.id).sort()).toEqual([...ids].sort());
    expect(await world.app.db.declarationDecision.count({ where: { declarationId: { in: ids } } })).toBe(2);
  });

  it(`${MAX_BATCH_ITEMS + 1} ids are refused before anything is read`, async () => {
    const ids = await action.seed(MAX_BATCH_ITEMS + 1);
    const before = await snapshot(ids);
    expect(await refusal(action.call(await jinanAdmin(), ids))).toMatchObject({ code: "BAD_REQUEST", message: "一次最多审核200条" });
    expect(await snapshot(ids)).toEqual(before);
  }, 30_000);
});

describe("学时审批's single path is the same use case with one id", () => {
  it("answers a record another admin decided first with CONFLICT naming it, and one withdrawn by the declarant in a batch as skipped", async () => {
    const [id, withdrawn] = (await pending(2)) as [string, string];
    await (await jinanAdmin()).approvals.batchApprove.mutate({ ids: [id] });
    expect(await refusal((await jinanAdmin()).approvals.approve.mutate({ declarationId: id }))).toMatchObject({
      code: "CONFLICT",
      message: `${busDriver.data.name}的申报已被其他管理员处理，请刷新后重试`,
    });
    await world.app.db.declaration.update({ where: { id: withdrawn }, data: { status: "WITHDRAWN", currentHandlerId: null } });
    expect((await (await jinanAdmin()).approvals.batchReject.mutate({ ids: [withdrawn], reasonCode: "DUPLICATE" })).skipped).toEqual([
      { id: withdrawn, label: `${busDriver.data.name}的申报`, reason: "ALREADY_DECIDED", message: "已被申报人撤回" },
    ]);
  });
});
