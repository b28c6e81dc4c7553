import type { ApprovalRow, ListApprovalsInput, Page } from "@ce/contracts";
import { listAwaiting } from "../../db/approvals.ts";
import type { HoursDeps } from "../../deps.ts";
import { anomalyLabels } from "../../domain/anomalies.ts";
import { type Caller, deciderOf } from "../caller.ts";

/**
 * 学时审批 list: pending declarations of the caller's subtree whose 当前处理人 is the caller's unit,
 * each with its anomaly hints as labels. Raises DomainError FORBIDDEN for an account without a unit.
 */
export async function listApprovals(deps: HoursDeps, { principal }: Caller, input: ListApprovalsInput): Promise<Page<ApprovalRow>> {
  const who = deciderOf(principal, "当前账户不能审批学时");
  const { page, flags } = await listAwaiting(deps.db, who.unitId, who.scopePath, input);
  return { ...page, items: page.items.map((r) => ({ ...r, flags: (flags.get(r.id) ?? []).map((c) => anomalyLabels[c]) })) };
}
