// The hours procedures for the authorization matrix and the fuzz suite: one sample input each,
// pointing at 济南's objects (the victim unit); callers come from 青岛 (its sibling) or have no session.

import type { DeclareInput, LearningForm } from "@ce/contracts";
import { createCallerFactory } from "@ce/service-kit";
import { callerContext, type MatrixCases, testPrincipal } from "@ce/service-kit/testing";
import { createHoursRouter } from "../../src/routers/index.ts";
import { jobTrainingClaim } from "./claims.ts";
import { bus, busDriver, type HoursWorld, jinan, port, portWorker, province, qingdao, type UnitEnvelope } from "./world.ts";

/** What the cases point at: a 济南 declaration with its attachment, and the catalog's first form. */
export interface HoursVictim {
  declarationId: string;
  attachmentId: string;
  form: LearningForm;
}

/** The 岗位培训 claim the cases declare: 8 学时 of 王师傅 (济南公交). */
export const claim = (): DeclareInput => jobTrainingClaim({ requestedHours: 8 });

const ids = (v: HoursVictim) => [v.declarationId];

/** Every hours procedure. A new procedure fails the matrix until it has a case here. */
export const hoursCases: MatrixCases<HoursVictim> = {
  "approvalChain.preview": { input: () => ({ unitId: bus.data.unitId }) },
  "forms.list": {},
  "forms.get": { input: () => ({ code: "JOB_TRAINING" }) },
  "forms.update": { input: (v) => ({ ...v.form, effectiveFrom: "2099-01-01" }) },
  "declarations.declarables": { input: () => ({ name: "王" }) },
  "declarations.years": {},
  "declarations.declare": { input: () => claim() },
  "declarations.declareMany": {
    input: () => {
      const { professionalId, ...cls } = claim();
      return { ...cls, professionalIds: [professionalId] };
    },
  },
  "declarations.withdraw": { input: (v) => ({ declarationId: v.declarationId }) },
  "declarations.records": { input: () => ({ tab: "ALL" }) },
  "declarations.get": { input: (v) => ({ declarationId: v.declarationId }) },
  "attachments.get": { input: (v) => ({ attachmentId: v.attachmentId }) },
  "approvals.list": { input: () => ({}) },
  "approvals.approve": { input: (v) => ({ declarationId: v.declarationId, recognizedHours: 8 }) },
  "approvals.reject": { input: (v) => ({ declarationId: v.declarationId, reasonCode: "OTHER", reason: "材料不全" }) },
  "approvals.batchApprove": { input: (v) => ({ ids: ids(v) }) },
  "approvals.batchReject": { input: (v) => ({ ids: ids(v), reasonCode: "OTHER", reason: "材料不全" }) },
  "audits.list": { input: () => ({ sample: "ALL" }) },
  "audits.pass": { input: (v) => ({ ids: ids(v) }) },
  "audits.fail": { input: (v) => ({ ids: ids(v), reason: "证书不实" }) },
  "compliance.mine": { input: () => ({ years: 3 }) },
};

const scopeOf = (u: UnitEnvelope) => ({ unitId: u.data.unitId, unitName: u.data.name, scopePath: u.data.path });

/** Files one 济南 declaration through the router as 济南公交's admin and reads the catalog. */
export async function seedHoursVictim(world: HoursWorld): Promise<HoursVictim> {
  const router = createHoursRouter(world.app.deps);
  const call = createCallerFactory(router);
  const declared = await call(callerContext(testPrincipal(scopeOf(bus)))).declarations.declare(claim());
  const form = (await call(callerContext(testPrincipal(scopeOf(province)))).forms.get({ code: "JOB_TRAINING" })) as LearningForm;
  return { declarationId: declared.id, attachmentId: declared.attachments[0]!.id, form };
}

/** The sibling side: 青岛's admin, an admin of 青岛 without any module, and 青岛港's worker. */
export const hoursCallers = () => ({
  anonymous: null,
  professional: testPrincipal({ ...scopeOf(port), professional: true, accountId: portWorker.data.accountId, name: portWorker.data.name }),
  siblingAdmin: testPrincipal(scopeOf(qingdao)),
  unprivilegedAdmin: testPrincipal({ ...scopeOf(qingdao), permissions: [] }),
});

export const hoursSentinels = (v: HoursVictim) => ({
  sentinels: [
    jinan.data.unitId,
    jinan.data.name,
    bus.data.unitId,
    bus.data.name,
    busDriver.data.accountId,
    busDriver.data.name,
    v.declarationId,
    v.attachmentId,
    "驾驶员岗位培训班",
  ],
  privateSentinels: [busDriver.data.accountId, busDriver.data.name, v.declarationId, v.attachmentId],
});
