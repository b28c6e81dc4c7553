import { randomUUID } from "node:crypto";
import { OWN_CASE_MESSAGE } from "@ce/contracts";
import { adminScope, errorCode, serviceClient, signIn } from "@ce/service-kit/testing";
import { describe, expect, it } from "vitest";
import type { HoursRouter } from "../src/routers/index.ts";
import { seedPendingDeclarations } from "./support/declarations.ts";
import { adminOf, bus, busDriver, busPending, jinan, province, type UnitEnvelope, useHoursWorld } from "./support/world.ts";

// Separation of duties (contracts batch.ts isOwnCase): an account that is also the declarant — a
// professional made admin through 选择成为管理员 — or that declared the record for someone never
// decides or audits it, whatever its permissions; the batch skips it and names why, the single
// 审核 refuses it. Found by an outside probe: 吕文杰 approved his own 学时申报.
const world = useHoursWorld("hoursowncase", () => new Date("2026-06-15T08:00:00Z"));
const client = (token: string) => serviceClient<HoursRouter>(world.app.url, token);
const chain = [bus, jinan, province].map((u) => ({ id: u.data.unitId, name: u.data.name }));
/** A super admin session of `unit` held by the account `accountId`. */
const sessionOf = (unit: UnitEnvelope, accountId: string) => signIn(world.app.infra.redis, { ...adminScope(unit), accountId });
const waiting = (stepIndex: number, declaredBy?: string) =>
  seedPendingDeclarations(world.app.db, { count: 1, professional: busDriver.data, chain, stepIndex, declaredBy }).then(([id]) => id!);
const detail = async (id: string) => (await client(await adminOf(world, jinan))).declarations.get.query({ declarationId: id });

describe("nobody decides their own case", () => {
  // [who the deciding account is, the level the record waits at, declaredBy]
  it.each<[string, UnitEnvelope, number, string | undefined]>([
    ["the declarant, as admin of their own unit", bus, 0, undefined],
    ["the declarant, as admin of the city above", jinan, 1, undefined],
    ["the declarant, as admin of the province", province, 2, undefined],
    ["whoever declared it for the person", jinan, 1, "DECLARER"],
  ])("%s: 审核 refuses it, 批量审核通过 and 批量驳回 skip it, nothing changes", async (_label, unit, stepIndex, declaredBy) => {
    const declarer = randomUUID();
    const deciderId = declaredBy ? declarer : busDriver.data.accountId;
    const id = await waiting(stepIndex, declaredBy ? declarer : undefined);
    const own = client(await sessionOf(unit, deciderId));

    const single = own.approvals.approve.mutate({ declarationId: id });
    await expect(single).rejects.toThrow(`王师傅的申报${OWN_CASE_MESSAGE}`);
    expect(await errorCode(own.approvals.approve.mutate({ declarationId: id }))).toBe("FORBIDDEN");
    expect(await errorCode(own.approvals.reject.mutate({ declarationId: id, reasonCode: "OTHER", reason: "自审" }))).toBe("FORBIDDEN");

    for (const batch of [
      own.approvals.batchApprove.mutate({ ids: [id] }),
      own.approvals.batchReject.mutate({ ids: [id], reasonCode: "OTHER", reason: "自审" }),
    ]) {
      expect(await batch).toEqual({ decided: [], skipped: [{ id, label: "王师傅的申报", reason: "OWN_CASE", message: OWN_CASE_MESSAGE }] });
    }
    expect(await detail(id)).toMatchObject({ status: "PENDING", currentHandlerName: unit.data.name, history: [] });

    // Another admin of the same unit decides it as usual.
    await client(await adminOf(world, unit)).approvals.approve.mutate({ declarationId: id });
    expect((await detail(id)).history).toHaveLength(1);
  });

  it("a batch with the caller's own record and another person's decides the other and skips their own", async () => {
    const mine = await waiting(1);
    const [theirs] = await seedPendingDeclarations(world.app.db, { count: 1, professional: busPending.data, chain, stepIndex: 1 });
    const outcome = await client(await sessionOf(jinan, busDriver.data.accountId)).approvals.batchApprove.mutate({ ids: [mine, theirs!] });
    expect(outcome.decided.map((d) => d.id)).toEqual([theirs]);
    expect(outcome.skipped).toEqual([{ id: mine, label: "王师傅的申报", reason: "OWN_CASE", message: OWN_CASE_MESSAGE }]);
  });

  it("学时审验: the declarant never audits their own approved record; another admin does", async () => {
    const id = await waiting(2);
    await client(await adminOf(world, province)).approvals.approve.mutate({ declarationId: id });
    const own = client(await sessionOf(jinan, busDriver.data.accountId));
    expect(await own.audits.pass.mutate({ ids: [id] })).toEqual({
      decided: [],
      skipped: [{ id, label: "王师傅的记录", reason: "OWN_CASE", message: OWN_CASE_MESSAGE }],
    });
    expect((await detail(id)).status).toBe("APPROVED");
    await client(await adminOf(world, jinan)).audits.pass.mutate({ ids: [id] });
    expect((await detail(id)).status).toBe("FILED");
  });
});
