import { serviceClient } from "@ce/service-kit/testing";
import { describe, expect, it } from "vitest";
import type { HoursRouter } from "../src/routers/index.ts";
import { jobTrainingClaim } from "./support/claims.ts";
import { adminOf, bus, jinan, province, useHoursWorld } from "./support/world.ts";

const world = useHoursWorld("hourslevels", () => new Date("2026-06-15T08:00:00Z"));
const client = (token: string) => serviceClient<HoursRouter>(world.app.url, token);

let day = 0;
/** A 岗位培训 claim of `requestedHours` by the bus company's driver, on a day of its own; it waits at 济南市. */
async function declared(requestedHours: number): Promise<string> {
  day += 1;
  const date = `2026-04-${String(day).padStart(2, "0")}`;
  const input = jobTrainingClaim({ className: `安全培训${day}`, startDate: date, endDate: date, requestedHours });
  return (await client(await adminOf(world, bus)).declarations.declare.mutate(input)).id;
}

const city = async () => client(await adminOf(world, jinan));
const prov = async () => client(await adminOf(world, province));
const fieldErrors = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: { data?: { fieldErrors?: unknown } }) => e.data?.fieldErrors,
  );
const detail = async (id: string) => (await city()).declarations.get.query({ declarationId: id });

describe("an upper level starts from the current 认定学时", () => {
  it("申报 4, 济南市 approves 2 with a reason, the province batch-approves: 认定学时 stays 2", async () => {
    const id = await declared(4);
    await (await city()).approvals.approve.mutate({ declarationId: id, recognizedHours: 2, reason: "证明只覆盖半天" });
    await (await prov()).approvals.batchApprove.mutate({ ids: [id] });
    const d = await detail(id);
    expect(d).toMatchObject({ status: "APPROVED", recognizedHours: 2 });
    expect(d.history.map((h) => [h.unitName, h.decision, h.recognizedHours, h.reason])).toEqual([
      ["济南市交通运输局", "APPROVED", 2, "证明只覆盖半天"],
      ["山东省交通运输厅", "APPROVED", 2, null],
    ]);
  });

  it("the same through the single path: the province approves without a figure and 2 stays", async () => {
    const id = await declared(4);
    await (await city()).approvals.approve.mutate({ declarationId: id, recognizedHours: 2, reason: "证明只覆盖半天" });
    await (await prov()).approvals.approve.mutate({ declarationId: id });
    expect(await detail(id)).toMatchObject({ status: "APPROVED", recognizedHours: 2 });
  });

  it("a batch mixing reduced and untouched records keeps each record's own figure", async () => {
    const reduced = await declared(6);
    const untouched = await declared(5);
    await (await city()).approvals.approve.mutate({ declarationId: reduced, recognizedHours: 3, reason: "部分课时重复" });
    await (await city()).approvals.batchApprove.mutate({ ids: [untouched] });
    await (await prov()).approvals.batchApprove.mutate({ ids: [reduced, untouched] });
    expect((await detail(reduced)).recognizedHours).toBe(3);
    expect((await detail(untouched)).recognizedHours).toBe(5);
  });

  // [what the province sends, what it sees]: after 济南市 recognised 2 of 4.
  it.each<[string, { recognizedHours?: number; reason?: string }, unknown]>([
    ["raising back to 4 is refused on 认定学时", { recognizedHours: 4, reason: "恢复" }, { recognizedHours: ["认定学时不能高于下级单位已认定的2学时"] }],
    ["raising to 3 is refused on 认定学时", { recognizedHours: 3 }, { recognizedHours: ["认定学时不能高于下级单位已认定的2学时"] }],
    ["lowering to 1 without a reason is refused on 调减说明", { recognizedHours: 1 }, { reason: ["认定学时低于2学时，请填写调减说明"] }],
    ["lowering to 1 with a reason is accepted", { recognizedHours: 1, reason: "只认定1学时" }, null],
    ["keeping 2 explicitly is accepted", { recognizedHours: 2 }, null],
  ])("%s", async (_label, decision, expected) => {
    const id = await declared(4);
    await (await city()).approvals.approve.mutate({ declarationId: id, recognizedHours: 2, reason: "证明只覆盖半天" });
    expect(await fieldErrors((await prov()).approvals.approve.mutate({ declarationId: id, ...decision }))).toEqual(expected);
    const d = await detail(id);
    if (expected) expect(d).toMatchObject({ status: "PENDING", recognizedHours: 2 });
    else expect(d).toMatchObject({ status: "APPROVED", recognizedHours: decision.recognizedHours });
  });
});
