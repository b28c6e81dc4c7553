import type { Page, TransferCandidate, TransferDetail, TransferRow } from "@ce/contracts";
import { listTransfers, transferCandidates, transferDetail } from "../../db/transfers.ts";
import type { IdentityDeps } from "../../deps.ts";
import { type Caller, inReviewScope, reviewScope } from "../scope.ts";

/** Refusal naming a transfer the caller may not see. */
export const TRANSFER_NOT_FOUND = "调转申请不存在或不在本单位管辖范围内";

/** 人员调出 › 添加人员: approved professionals of the caller's subtree with no open transfer. */
export function transferablePeople(
  deps: IdentityDeps,
  caller: Caller,
  input: { page: number; pageSize: number; name?: string | undefined; accountId?: string | undefined },
): Promise<Page<TransferCandidate>> {
  return transferCandidates(deps.db, reviewScope(caller.principal), input);
}

/** 人员调入 / 调转记录: one page of transfers into (or out of) the caller's subtree. */
export function transfers(
  deps: IdentityDeps,
  caller: Caller,
  input: { page: number; pageSize: number; direction: "in" | "out"; status?: string | undefined },
): Promise<Page<TransferRow>> {
  return listTransfers(deps.db, reviewScope(caller.principal), input);
}

/** 详情: one transfer seen from either side. Raises DomainError NOT_FOUND otherwise. */
export function transfer(deps: IdentityDeps, caller: Caller, input: { id: string }): Promise<TransferDetail> {
  return inReviewScope(caller, TRANSFER_NOT_FOUND, (scope) => transferDetail(deps.db, scope, input.id));
}
