import { router } from "@ce/service-kit";
import type { HoursDeps } from "../deps.ts";
import { approvalChainRouter } from "./approval-chain.ts";
import { approvalsRouter } from "./approvals.ts";
import { attachmentsRouter } from "./attachments.ts";
import { auditsRouter } from "./audits.ts";
import { complianceRouter } from "./compliance.ts";
import { declarationsRouter } from "./declarations.ts";
import { formsRouter } from "./forms.ts";

export function createHoursRouter(deps: HoursDeps) {
  return router({
    approvalChain: approvalChainRouter(deps),
    forms: formsRouter(deps),
    declarations: declarationsRouter(deps),
    attachments: attachmentsRouter(deps),
    approvals: approvalsRouter(deps),
    audits: auditsRouter(deps),
    compliance: complianceRouter(deps),
  });
}

export type HoursRouter = ReturnType<typeof createHoursRouter>;
