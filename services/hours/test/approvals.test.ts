import { randomUUID } from "node:crypto";
import { hoursEvents, MAX_BATCH_ITEMS, naming as makeNaming, parseEvent } from "@ce/contracts";
import { adminScope, errorCode, eventually, serviceClient, signIn } from "@ce/service-kit/testing";
import { describe, expect, it } from "vitest";
import type { HoursRouter } from "../src/routers/index.ts";
import { jobTrainingClaim } from "./support/claims.ts";
import { seedPendingDeclarations } from "./support/declarations.ts";
import { adminOf, bus, busDriver, jinan, professionalSession, province, qingdao, useHoursWorld } from "./support/world.ts";

const world = useHoursWorld("hoursappr", () => new Date("2026-06-15T08:00:00Z"));
const client = (token?: string) => serviceClient<HoursRouter>(world.app.url, token);

/** Declared by the employer, so it waits at 济南市. */
const declared = async (hours = 40) => (await client(await adminOf(world, bus)).declarations.declare.mutate(jobTrainingClaim({ requestedHours: hours }))).id;

describe("approvals", () => {
  it("lists what waits for the caller's unit only", async () => {
    const id = await declared();
    expect((await client(await adminOf(world, jinan)).approvals.list.query({})).items.map((r) => r.id)).toContain(id);
    expect((await client(await adminOf(world, province)).approvals.list.query({})).items.map((r) => r.id)).not.toContain(id);
    expect((await client(await adminOf(world, qingdao)).approvals.list.query({})).total).toBe(0);
  });

  it("shows reviewers the anomaly hints: a reused scan, overlapping dates, more than 8 学时 a day", async () => {
    await declared(40);
    const id = await declared(41);
    const row = (await client(await adminOf(world, jinan)).approvals.list.query({ pageSize: 200 })).items.find((r) => r.id === id);
    expect(row?.flags).toEqual(["附件与其他申报重复", "与本人其他申报时间重叠", "日均超过8学时"]);
    // The 审核 page (declarations.get) gives the handling unit the same hints (new-user pass F5); nobody else gets them.
    const get = async (token: string) => (await client(token).declarations.get.query({ declarationId: id })).flags;
    expect(await get(await adminOf(world, jinan))).toEqual(row?.flags);
    expect(await get(await adminOf(world, province))).toEqual([]);
    expect(await get(await adminOf(world, jinan, ["hours.records"]))).toEqual([]);
    expect(await get(await professionalSession(world, busDriver))).toEqual([]);
  });

  it("climbs 济南市 → 省厅 and publishes exactly one schema-valid approved event", async () => {
    const id = await declared(40);
    await world.app.relay.flush();
    const sub = world.producer.nc.subscribe(makeNaming(world.tag).serviceWildcard("hours"));
    const seen: { type: string }[] = [];
    void (async () => {
      for await (const m of sub) seen.push(m.json());
    })();
    await client(await adminOf(world, jinan)).approvals.approve.mutate({ declarationId: id, recognizedHours: 36, reason: "部分课时不符合规定" });
    const mid = await client(await adminOf(world, jinan)).declarations.get.query({ declarationId: id });
    expect(mid).toMatchObject({ status: "PENDING", currentHandlerName: "山东省交通运输厅" });
    const provinceApprover = randomUUID();
    await client(await signIn(world.app.infra.redis, { ...adminScope(province), accountId: provinceApprover, name: "王审核" })).approvals.approve.mutate({
      declarationId: id,
    });
    await world.app.relay.flush();
    await eventually(async () => expect(seen.filter((e) => e.type === "ce.hours.declaration.approved.v1")).toHaveLength(1));
    await new Promise((r) => setTimeout(r, 200));
    sub.unsubscribe();
    const approved = seen.filter((e) => e.type === "ce.hours.declaration.approved.v1");
    expect(approved).toHaveLength(1);
    expect(parseEvent(hoursEvents.declarationApproved, approved[0]).data).toMatchObject({
      declarationId: id,
      accountId: busDriver.data.accountId,
      unitId: bus.data.unitId,
      year: 2026,
      subject: "PROFESSIONAL",
      recognizedHours: 36,
      status: "APPROVED",
      decidedByUnitId: province.data.unitId, // the level that ended the chain
      decidedByAccountId: provinceApprover, // and the admin who decided there
      decidedByName: "王审核",
      reasonCode: null,
    });
    const done = await client(await adminOf(world, jinan)).declarations.get.query({ declarationId: id });
    expect(done.history.map((h) => [h.unitName, h.decision, h.recognizedHours])).toEqual([
      ["济南市交通运输局", "APPROVED", 36],
      ["山东省交通运输厅", "APPROVED", 36],
    ]);
  });

  it("refuses 认定学时 above 申报学时, naming the field", async () => {
    const id = await declared(20);
    const err = await client(await adminOf(world, jinan))
      .approvals.approve.mutate({ declarationId: id, recognizedHours: 21 })
      .catch((e: { data?: unknown }) => e.data);
    expect(err).toMatchObject({ code: "BAD_REQUEST", fieldErrors: { recognizedHours: ["认定学时不能超过申报学时20"] } });
  });

  it("rejects with a reason, shown in the history and as 审核不通过", async () => {
    const id = await declared();
    await client(await adminOf(world, jinan)).approvals.reject.mutate({ declarationId: id, reasonCode: "MISSING_PROOF", reason: "证书不清晰" });
    const d = await client(await adminOf(world, jinan)).declarations.get.query({ declarationId: id });
    expect(d.status).toBe("REJECTED");
    expect(d.history[0]).toMatchObject({ decision: "REJECTED", reason: "证明材料不全或不清晰：证书不清晰", actorName: "济南市交通运输局管理员" });
    // The rejected event carries the code and the deciding unit (reporting counts reasons by code).
    const [row] = await world.app.db.$queryRawUnsafe<
      Array<{ payload: { data: { reasonCode: string; decidedByUnitId: string; decidedByName: string; reason: string } } }>
    >(`SELECT payload FROM hours.outbox WHERE type LIKE '%ce.hours.declaration.rejected.v1' AND payload->'data'->>'declarationId' = $1`, id);
    expect(row?.payload.data).toMatchObject({
      reasonCode: "MISSING_PROOF",
      decidedByUnitId: jinan.data.unitId,
      decidedByName: "济南市交通运输局管理员",
      reason: "证明材料不全或不清晰：证书不清晰",
    });
  });

  it("asks for the text when the reason is 其他", async () => {
    const id = await declared();
    const err = await client(await adminOf(world, jinan))
      .approvals.reject.mutate({ declarationId: id, reasonCode: "OTHER", reason: "" })
      .catch((e: { data?: unknown }) => e.data);
    expect(err).toMatchObject({ fieldErrors: { reason: ["请填写驳回说明"] } });
  });

  it("gives one of two admins deciding at once a success and the other a CONFLICT", async () => {
    const id = await declared();
    const [a, b] = [client(await adminOf(world, jinan)), client(await adminOf(world, jinan))];
    const codes = await Promise.all([
      errorCode(a.approvals.approve.mutate({ declarationId: id })),
      errorCode(b.approvals.reject.mutate({ declarationId: id, reasonCode: "DUPLICATE" })),
    ]);
    expect(codes.sort()).toEqual(["CONFLICT", "OK"]);
    expect(await errorCode(a.approvals.approve.mutate({ declarationId: id }))).toBe("CONFLICT");
  });

  it("batch-approves 200 declarations in one call", async () => {
    const chain = [
      { id: bus.data.unitId, name: bus.data.name },
      { id: jinan.data.unitId, name: jinan.data.name },
      { id: province.data.unitId, name: province.data.name },
    ];
    const ids = await seedPendingDeclarations(world.app.db, { count: MAX_BATCH_ITEMS, professional: { ...busDriver.data }, chain, stepIndex: 2 });
    const result = await client(await adminOf(world, province)).approvals.batchApprove.mutate({ ids });
    expect(result.decided).toHaveLength(MAX_BATCH_ITEMS);
    expect(result.skipped).toEqual([]);
    expect(await world.app.db.declaration.count({ where: { id: { in: ids }, status: "APPROVED", recognizedHours: 8 } })).toBe(MAX_BATCH_ITEMS);
  }, 60_000);

  it("batch-rejects and refuses the whole batch when one record is out of scope", async () => {
    const [x, y] = [await declared(), await declared()];
    expect(await errorCode(client(await adminOf(world, qingdao)).approvals.batchReject.mutate({ ids: [x, y], reasonCode: "DUPLICATE" }))).toBe("NOT_FOUND");
    expect((await client(await adminOf(world, jinan)).approvals.batchReject.mutate({ ids: [x, y], reasonCode: "DUPLICATE" })).decided).toHaveLength(2);
  });

  it("refuses a sibling city, an admin without 学时审批, a professional and an anonymous caller", async () => {
    const id = await declared();
    expect(await errorCode(client(await adminOf(world, qingdao)).approvals.approve.mutate({ declarationId: id }))).toBe("NOT_FOUND");
    expect(await errorCode(client(await adminOf(world, jinan, ["hours.records"])).approvals.approve.mutate({ declarationId: id }))).toBe("FORBIDDEN");
    expect(await errorCode(client(await adminOf(world, jinan, ["hours.records"])).approvals.list.query({}))).toBe("FORBIDDEN");
    expect(await errorCode(client(await professionalSession(world, busDriver)).approvals.approve.mutate({ declarationId: id }))).toBe("FORBIDDEN");
    expect(await errorCode(client().approvals.list.query({}))).toBe("UNAUTHORIZED");
    expect(await errorCode(client().approvals.batchApprove.mutate({ ids: [id] }))).toBe("UNAUTHORIZED");
  });
});
