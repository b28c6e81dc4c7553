// Every refusal a use case raises reaches the caller as a DomainError does: its tRPC code, its
// Chinese message and, where a person typed the value, the field it names (the portal shows it
// beside that field). Table-driven over the use cases moved out of routers and db, with ids and
// codes invented for the occasion; a refused batch writes nothing.
import { randomUUID } from "node:crypto";
import { serviceClient } from "@ce/service-kit/testing";
import { describe, expect, it } from "vitest";
import type { HoursRouter } from "../src/routers/index.ts";
import { jobTrainingClaim as claim } from "./support/claims.ts";
import { seedPendingDeclarations } from "./support/declarations.ts";
import { refusal } from "./support/refusal.ts";
import { adminOf, bus, busDriver, busPending, jinan, portWorker, professionalSession, province, qingdao, useHoursWorld } from "./support/world.ts";

const world = useHoursWorld("hoursrefuse", () => new Date("2026-06-15T08:00:00Z"));
type Client = ReturnType<typeof serviceClient<HoursRouter>>;

const form = {
  name: "岗位培训",
  fields: [],
  hint: "",
  subjects: ["PROFESSIONAL" as const],
  rule: { kind: "ACTUAL" as const, capPerItem: 60, capPerYear: null },
};

type Who = "jinan" | "qingdao" | "province" | "bus" | "driver";
const sessionOf = (who: Who) => (who === "driver" ? professionalSession(world, busDriver) : adminOf(world, { jinan, qingdao, province, bus }[who]));

const nobody = randomUUID();
const cases: { name: string; who: Who; call: (c: Client) => Promise<unknown>; code: string; message: string; field?: string }[] = [
  {
    name: "chain preview of another city's unit",
    who: "qingdao",
    call: (c) => c.approvalChain.preview.query({ unitId: bus.data.unitId }),
    code: "NOT_FOUND",
    message: "单位不存在或不在您的管理范围内",
    field: "unitId",
  },
  {
    name: "chain preview of an invented unit",
    who: "jinan",
    call: (c) => c.approvalChain.preview.query({ unitId: nobody }),
    code: "NOT_FOUND",
    message: "单位不存在或不在您的管理范围内",
    field: "unitId",
  },
  {
    name: "a city edits the catalog",
    who: "jinan",
    call: (c) => c.forms.update.mutate({ ...form, code: "JOB_TRAINING", effectiveFrom: "2026-07-01" }),
    code: "FORBIDDEN",
    message: "只有省级主管部门可以修改学习形式",
  },
  {
    name: "the province back-dates a version",
    who: "province",
    call: (c) => c.forms.update.mutate({ ...form, code: "JOB_TRAINING", effectiveFrom: "2026-06-14" }),
    code: "BAD_REQUEST",
    message: "生效日期不能早于今天",
    field: "effectiveFrom",
  },
  {
    name: "the province edits an invented form",
    who: "province",
    call: (c) => c.forms.update.mutate({ ...form, code: "NO_SUCH_FORM", effectiveFrom: "2026-07-01" }),
    code: "NOT_FOUND",
    message: "学习形式不存在",
    field: "code",
  },
  {
    name: "an invented form code",
    who: "driver",
    call: (c) => c.forms.get.query({ code: "学习形式X" }),
    code: "NOT_FOUND",
    message: "学习形式不存在",
    field: "code",
  },
  {
    name: "a professional declares for a colleague",
    who: "driver",
    call: (c) => c.declarations.declare.mutate(claim({ professionalId: portWorker.data.accountId })),
    code: "FORBIDDEN",
    message: "只能为本人申报学时",
    field: "professionalId",
  },
  {
    name: "a city declares for another city's person",
    who: "jinan",
    call: (c) => c.declarations.declare.mutate(claim({ professionalId: portWorker.data.accountId })),
    code: "NOT_FOUND",
    message: "申请人不存在或不在您的管理范围内",
    field: "professionalId",
  },
  {
    name: "a declaration for an unreviewed person",
    who: "bus",
    call: (c) => c.declarations.declare.mutate(claim({ professionalId: busPending.data.accountId })),
    code: "PRECONDITION_FAILED",
    message: "申请人的注册信息尚未审核通过",
    field: "professionalId",
  },
  {
    name: "a declaration with an invented form",
    who: "bus",
    call: (c) => c.declarations.declare.mutate(claim({ formCode: "NO_SUCH_FORM" })),
    code: "BAD_REQUEST",
    message: "请选择学习形式",
    field: "formCode",
  },
  {
    name: "an admin withdraws",
    who: "bus",
    call: (c) => c.declarations.withdraw.mutate({ declarationId: nobody }),
    code: "FORBIDDEN",
    message: "只有申报本人可以撤回申报",
  },
  {
    name: "withdrawing an invented declaration",
    who: "driver",
    call: (c) => c.declarations.withdraw.mutate({ declarationId: nobody }),
    code: "NOT_FOUND",
    message: "申报记录不存在",
  },
  {
    name: "opening an invented declaration",
    who: "jinan",
    call: (c) => c.declarations.get.query({ declarationId: nobody }),
    code: "NOT_FOUND",
    message: "申报记录不存在或不在您的管理范围内",
  },
  {
    name: "an invented attachment",
    who: "driver",
    call: (c) => c.attachments.get.query({ attachmentId: nobody }),
    code: "NOT_FOUND",
    message: "附件不存在或不在您的管理范围内",
  },
  {
    name: "approving an invented declaration",
    who: "jinan",
    call: (c) => c.approvals.approve.mutate({ declarationId: nobody }),
    code: "NOT_FOUND",
    message: "申报记录不存在或不在您的管理范围内",
  },
  {
    name: "auditing an invented declaration",
    who: "province",
    call: (c) => c.audits.pass.mutate({ ids: [nobody] }),
    code: "NOT_FOUND",
    message: "申报记录不存在或不在您的管理范围内",
  },
  {
    name: "an admin asks for 达标情况",
    who: "jinan",
    call: (c) => c.compliance.mine.query({ years: 1 }),
    code: "FORBIDDEN",
    message: "仅专业技术人员可以查看本人的学时达标情况",
  },
];

describe("use-case refusals reach the caller as domain errors", () => {
  it.each(cases)("$name → $code", async ({ who, call, code, message, field }) => {
    const got = await refusal(call(serviceClient<HoursRouter>(world.app.url, await sessionOf(who))));
    expect(got).toEqual({ code, message, fieldErrors: field ? { [field]: [message] } : null });
  });

  it("refuses a batch naming one invented id and writes nothing for the real ones", async () => {
    const chain = [jinan, province].map((u) => ({ id: u.data.unitId, name: u.data.name }));
    const professional = { accountId: busDriver.data.accountId, name: busDriver.data.name, unitId: bus.data.unitId, unitPath: bus.data.path };
    const ids = await seedPendingDeclarations(world.app.db, { count: 2, professional, chain, stepIndex: 0 });
    const c = serviceClient<HoursRouter>(world.app.url, await sessionOf("jinan"));
    expect(await refusal(c.approvals.batchApprove.mutate({ ids: [...ids, nobody] }))).toMatchObject({ code: "NOT_FOUND" });
    const rows = await world.app.db.declaration.findMany({ where: { id: { in: ids } }, include: { decisions: true } });
    expect(rows.map((r) => [r.status, r.currentHandlerId, r.decisions.length])).toEqual(ids.map(() => ["PENDING", jinan.data.unitId, 0]));
    expect(await refusal(c.approvals.batchApprove.mutate({ ids: [...ids, ids[0]!] }))).toEqual({ code: "OK" });
  });
});
