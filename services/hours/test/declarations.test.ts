import { hoursEvents, naming as makeNaming, parseEvent } from "@ce/contracts";
import { errorCode, eventually, serviceClient } from "@ce/service-kit/testing";
import { describe, expect, it } from "vitest";
import type { HoursRouter } from "../src/routers/index.ts";
import { jobTrainingClaim as jobTraining } from "./support/claims.ts";
import { adminOf, bus, busDriver, busPending, jinan, portWorker, professionalSession, province, qingdao, useHoursWorld } from "./support/world.ts";

const world = useHoursWorld("hoursdecl", () => new Date("2026-06-15T08:00:00Z"));
const client = (token?: string) => serviceClient<HoursRouter>(world.app.url, token);

const EXE = Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]).toString("base64");

const fieldErrors = async (p: Promise<unknown>) =>
  ((await p.catch((e: { data?: { fieldErrors?: unknown } }) => e.data?.fieldErrors)) ?? null) as Record<string, string[]>;

describe("declarations.declare", () => {
  it("lets an employer admin declare for its professional; the claim goes to 济南市 with the computed hours", async () => {
    const d = await client(await adminOf(world, bus)).declarations.declare.mutate(jobTraining());
    expect(d).toMatchObject({
      professionalName: "王师傅",
      formName: "岗位培训",
      formVersion: 1,
      requestedHours: 40,
      computedHours: 40,
      explanation: "按实际学时计算：40学时",
      status: "PENDING",
      currentHandlerName: "济南市交通运输局",
    });
    expect(d.chain.map((u) => u.name)).toEqual(["济南公共交通集团有限公司", "济南市交通运输局", "山东省交通运输厅"]);
  });

  it("lets a professional declare for themself; their employer handles it first", async () => {
    const d = await client(await professionalSession(world, busDriver)).declarations.declare.mutate(jobTraining({ requestedHours: 8 }));
    expect(d.currentHandlerName).toBe("济南公共交通集团有限公司");
  });

  it("publishes one schema-valid submitted event per declaration", async () => {
    await world.app.relay.flush();
    const sub = world.producer.nc.subscribe(makeNaming(world.tag).serviceWildcard("hours"));
    const seen: unknown[] = [];
    void (async () => {
      for await (const m of sub) seen.push(m.json());
    })();
    const d = await client(await adminOf(world, jinan)).declarations.declare.mutate(jobTraining({ requestedHours: 12 }));
    await eventually(async () => expect(seen.length).toBe(1));
    await world.app.relay.flush();
    await new Promise((r) => setTimeout(r, 200));
    sub.unsubscribe();
    expect(seen).toHaveLength(1);
    const event = parseEvent(hoursEvents.declarationSubmitted, seen[0]);
    expect(event.data).toMatchObject({
      declarationId: d.id,
      accountId: busDriver.data.accountId,
      year: 2026,
      requestedHours: 12,
      currentHandlerId: bus.data.unitId,
    });
  });

  it("refuses more hours than the form allows, explaining the computation next to 申请学时", async () => {
    const errors = await fieldErrors(client(await adminOf(world, bus)).declarations.declare.mutate(jobTraining({ requestedHours: 100 })));
    expect(errors.requestedHours?.[0]).toContain("申请学时不能超过90学时");
  });

  it("refuses a subject the form does not allow and a year outside the last three", async () => {
    const admin = client(await adminOf(world, bus));
    expect(await fieldErrors(admin.declarations.declare.mutate(jobTraining({ subject: "GENERAL" })))).toEqual({ subject: ["岗位培训只能计入专业科目"] });
    expect(await fieldErrors(admin.declarations.declare.mutate(jobTraining({ year: 2023 })))).toEqual({ year: ["计入年度只能是2024至2026年"] });
    expect(await fieldErrors(admin.declarations.declare.mutate(jobTraining({ schoolName: " " })))).toEqual({ schoolName: ["请填写学校(单位)名称"] });
  });

  it("counts what the person already claimed this year against the form's yearly cap", async () => {
    const admin = client(await adminOf(world, bus));
    const degree = (requestedHours: number) => jobTraining({ formCode: "DEGREE", requestedHours, details: { items: 2 } });
    await admin.declarations.declare.mutate(degree(60));
    const errors = await fieldErrors(admin.declarations.declare.mutate(degree(60)));
    expect(errors.requestedHours?.[0]).toContain("本年度该学习形式上限90学时，已申报60学时，本次最多30学时");
    expect((await admin.declarations.declare.mutate(degree(30))).computedHours).toBe(30);
  });

  it("refuses a person whose registration is not approved", async () => {
    expect(await errorCode(client(await adminOf(world, bus)).declarations.declare.mutate(jobTraining({ professionalId: busPending.data.accountId })))).toBe(
      "PRECONDITION_FAILED",
    );
  });

  it("refuses a professional declaring for someone else", async () => {
    const as = client(await professionalSession(world, portWorker));
    expect(await errorCode(as.declarations.declare.mutate(jobTraining()))).toBe("FORBIDDEN");
  });

  it("refuses a sibling city's admin without revealing the person", async () => {
    expect(await errorCode(client(await adminOf(world, qingdao)).declarations.declare.mutate(jobTraining()))).toBe("NOT_FOUND");
  });

  it("refuses an admin without 学时申报 and an anonymous caller", async () => {
    expect(await errorCode(client(await adminOf(world, bus, ["hours.records"])).declarations.declare.mutate(jobTraining()))).toBe("FORBIDDEN");
    expect(await errorCode(client().declarations.declare.mutate(jobTraining()))).toBe("UNAUTHORIZED");
  });
});

describe("attachments", () => {
  it("refuses a program renamed to .png, naming the file", async () => {
    const errors = await fieldErrors(
      client(await adminOf(world, bus)).declarations.declare.mutate(jobTraining({ attachments: [{ name: "证书.png", contentBase64: EXE }] })),
    );
    expect(errors).toEqual({ attachments: ["文件“证书.png”：附件格式不正确，仅支持 jpg、jpeg、gif、bmp、png 图片"] });
  });

  it("asks for at least one attachment", async () => {
    expect(await fieldErrors(client(await adminOf(world, bus)).declarations.declare.mutate(jobTraining({ attachments: [] })))).toEqual({
      attachments: ["请上传附件"],
    });
  });

  it("stores the re-encoded image with its type and hash, and serves it only within scope", async () => {
    const d = await client(await adminOf(world, bus)).declarations.declare.mutate(jobTraining({ requestedHours: 2 }));
    expect(d.attachments).toEqual([
      expect.objectContaining({ name: "结业证书.png", contentType: "image/png", size: expect.any(Number), sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }),
    ]);
    const attachmentId = d.attachments[0]!.id;
    const file = await client(await adminOf(world, jinan)).attachments.get.query({ attachmentId });
    expect(Buffer.from(file.contentBase64, "base64").length).toBe(file.size);
    expect(await errorCode(client(await adminOf(world, qingdao)).attachments.get.query({ attachmentId }))).toBe("NOT_FOUND");
    expect(await errorCode(client(await adminOf(world, jinan, ["hours.declare"])).attachments.get.query({ attachmentId }))).toBe("FORBIDDEN");
    expect(await errorCode(client().attachments.get.query({ attachmentId }))).toBe("UNAUTHORIZED");
  });
});

describe("declarations.years", () => {
  it("offers the current year and the two before it", async () => {
    expect(await client(await professionalSession(world, busDriver)).declarations.years.query()).toEqual([2026, 2025, 2024]);
  });
});

describe("declarations.declarables", () => {
  it("lists the approved people of the caller's subtree only", async () => {
    expect((await client(await adminOf(world, jinan)).declarations.declarables.query({})).items.map((p) => p.name)).toEqual(["王师傅"]);
    expect((await client(await adminOf(world, qingdao)).declarations.declarables.query({})).items.map((p) => p.name)).toEqual(["赵港工"]);
  });

  it("pages through every match, total counted (it stopped at 200 without a word); a page past the end serves the last", async () => {
    const sd = client(await adminOf(world, province));
    const all = await sd.declarations.declarables.query({ pageSize: 100 });
    expect(all.total).toBe(all.items.length);
    expect(all.total).toBeGreaterThanOrEqual(2);
    const pages = await Promise.all(Array.from({ length: all.total }, (_, i) => sd.declarations.declarables.query({ page: i + 1, pageSize: 1 })));
    expect(pages.map((p) => [p.total, p.items.length])).toEqual(pages.map(() => [all.total, 1]));
    expect(pages.flatMap((p) => p.items.map((i) => i.accountId))).toEqual(all.items.map((i) => i.accountId));
    expect(await sd.declarations.declarables.query({ page: all.total + 5, pageSize: 1 })).toMatchObject({ page: all.total, total: all.total });
  });

  it("refuses a professional, an admin without 学时申报 and an anonymous caller", async () => {
    expect(await errorCode(client(await professionalSession(world, busDriver)).declarations.declarables.query({}))).toBe("FORBIDDEN");
    expect(await errorCode(client(await adminOf(world, jinan, ["hours.approve"])).declarations.declarables.query({}))).toBe("FORBIDDEN");
    expect(await errorCode(client().declarations.declarables.query({}))).toBe("UNAUTHORIZED");
  });
});

describe("declarations.withdraw", () => {
  it("lets the professional withdraw a pending declaration once", async () => {
    const me = client(await professionalSession(world, busDriver));
    const d = await me.declarations.declare.mutate(jobTraining({ requestedHours: 4 }));
    expect((await me.declarations.withdraw.mutate({ declarationId: d.id })).status).toBe("WITHDRAWN");
    expect(await errorCode(me.declarations.withdraw.mutate({ declarationId: d.id }))).toBe("CONFLICT");
  });

  it("refuses an admin, another professional and an anonymous caller", async () => {
    const d = await client(await professionalSession(world, busDriver)).declarations.declare.mutate(jobTraining({ requestedHours: 4 }));
    expect(await errorCode(client(await adminOf(world, bus)).declarations.withdraw.mutate({ declarationId: d.id }))).toBe("FORBIDDEN");
    expect(await errorCode(client(await professionalSession(world, portWorker)).declarations.withdraw.mutate({ declarationId: d.id }))).toBe("NOT_FOUND");
    expect(await errorCode(client().declarations.withdraw.mutate({ declarationId: d.id }))).toBe("UNAUTHORIZED");
  });
});

describe("declarations.records and get", () => {
  it("shows 济南's admins the subtree's declarations and 青岛's none of them", async () => {
    const jinanRecords = await client(await adminOf(world, jinan)).declarations.records.query({ tab: "ALL" });
    expect(jinanRecords.total).toBeGreaterThan(0);
    expect(jinanRecords.items.every((r) => r.professionalName === "王师傅")).toBe(true);
    expect((await client(await adminOf(world, qingdao)).declarations.records.query({ tab: "ALL" })).total).toBe(0);
    const id = jinanRecords.items[0]!.id;
    expect(await errorCode(client(await adminOf(world, qingdao)).declarations.get.query({ declarationId: id }))).toBe("NOT_FOUND");
    expect((await client(await adminOf(world, jinan)).declarations.get.query({ declarationId: id })).id).toBe(id);
  });

  it("filters by tab and shows a professional only their own", async () => {
    const admin = client(await adminOf(world, jinan));
    const pending = await admin.declarations.records.query({ tab: "PENDING" });
    expect(pending.items.every((r) => r.status === "PENDING")).toBe(true);
    expect((await admin.declarations.records.query({ tab: "APPROVED" })).total).toBe(0);
    expect((await client(await professionalSession(world, portWorker)).declarations.records.query({ tab: "ALL" })).total).toBe(0);
    expect((await client(await professionalSession(world, busDriver)).declarations.records.query({ tab: "ALL" })).total).toBeGreaterThan(0);
  });

  it("refuses an admin without 查看申报记录 and an anonymous caller", async () => {
    expect(await errorCode(client(await adminOf(world, jinan, ["hours.declare"])).declarations.records.query({}))).toBe("FORBIDDEN");
    expect(await errorCode(client().declarations.records.query({}))).toBe("UNAUTHORIZED");
  });
});
