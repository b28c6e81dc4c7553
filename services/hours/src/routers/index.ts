import { serviceRouter } from "@ce/service-kit";
import type { HoursDeps } from "../deps.ts";
import { approvalChainRouter } from "./approval-chain.ts";
import { approvalsRouter } from "./approvals.ts";
import { attachmentsRouter } from "./attachments.ts";
import { auditsRouter } from "./audits.ts";
import { complianceRouter } from "./compliance.ts";
import { declarationsRouter } from "./declarations.ts";
import { formsRouter } from "./forms.ts";

export function createHoursRouter(deps: HoursDeps) {
  return serviceRouter(deps, {
    approvalChain: approvalChainRouter,
    forms: formsRouter,
    declarations: declarationsRouter,
    attachments: attachmentsRouter,
    approvals: approvalsRouter,
    audits: auditsRouter,
    compliance: complianceRouter,
  });
}

export type HoursRouter = ReturnType<typeof createHoursRouter>;
