import { ALREADY_DECIDED_MESSAGE, DomainError, startingRecognized } from "@ce/contracts";

/** What a decision needs to know of a declaration, read under its row lock. */
export interface PendingDeclaration {
  id: string;
  status: string;
  currentHandlerId: string | null;
  stepIndex: number;
  chain: readonly { id: string; name: string }[];
  requestedHours: number;
  computedHours: number;
  /** 认定学时 so far: what the last approving level recognised, null before the first. */
  recognizedHours: number | null;
}

export type Decision = { kind: "APPROVE"; recognizedHours?: number | undefined; reason?: string | undefined } | { kind: "REJECT" };

export interface NextState {
  status: "PENDING" | "APPROVED" | "REJECTED";
  stepIndex: number;
  currentHandlerId: string | null;
  recognizedHours: number | null;
  /** The chain is done: the final event goes out. */
  final: boolean;
}

/** Whether the declaration waits for `unitId`'s decision: still 待审核 and at that unit on its chain. */
export const waitsFor = (d: Pick<PendingDeclaration, "status" | "currentHandlerId">, unitId: string) => d.status === "PENDING" && d.currentHandlerId === unitId;

/**
 * Why a batch skips a declaration that no longer waits for the caller (batch contract, @ce/contracts
 * batch.ts): the person withdrew it (已被申报人撤回), or another admin decided it first or it moved
 * on to the next level (已被其他管理员处理).
 */
export const skipMessage = (d: Pick<PendingDeclaration, "status">) => (d.status === "WITHDRAWN" ? "已被申报人撤回" : ALREADY_DECIDED_MESSAGE);

/**
 * One level's decision on a declaration waiting for `unitId`. Approving moves it to the next unit
 * of the chain, or makes it 审核通过 at the last; rejecting ends it as 审核不通过. The figure a
 * level approves starts from the current 认定学时 (contracts' `startingRecognized`, the figure the portal pre-fills): it may be lowered, with a
 * `reason`, but never raised above what a lower level recognised (§3.6: each level reviews the one
 * below; a silent raise would undo its reduction). Raises DomainError CONFLICT when the record is
 * not waiting for `unitId`, BAD_REQUEST on `recognizedHours` (above 申报学时, the form's cap or the
 * lower level's figure) or on `reason` (a reduction without one).
 */
export function decideStep(d: PendingDeclaration, unitId: string, decision: Decision): NextState {
  if (!waitsFor(d, unitId)) {
    throw new DomainError("CONFLICT", "该申报已被处理或当前不由本单位审批，请刷新后重试");
  }
  if (decision.kind === "REJECT") return { status: "REJECTED", stepIndex: d.stepIndex, currentHandlerId: null, recognizedHours: null, final: true };
  const starting = startingRecognized(d);
  const recognized = decision.recognizedHours ?? starting;
  if (recognized > d.requestedHours) throw new DomainError("BAD_REQUEST", `认定学时不能超过申报学时${d.requestedHours}`, "recognizedHours");
  if (recognized > d.computedHours) throw new DomainError("BAD_REQUEST", `认定学时不能超过该学习形式的上限${d.computedHours}学时`, "recognizedHours");
  if (d.recognizedHours !== null && recognized > d.recognizedHours) {
    throw new DomainError("BAD_REQUEST", `认定学时不能高于下级单位已认定的${d.recognizedHours}学时`, "recognizedHours");
  }
  if (recognized < starting && !decision.reason?.trim()) {
    throw new DomainError("BAD_REQUEST", `认定学时低于${starting}学时，请填写调减说明`, "reason");
  }
  const next = d.stepIndex + 1;
  const nextUnit = d.chain[next];
  return nextUnit
    ? { status: "PENDING", stepIndex: next, currentHandlerId: nextUnit.id, recognizedHours: recognized, final: false }
    : { status: "APPROVED", stepIndex: d.stepIndex, currentHandlerId: null, recognizedHours: recognized, final: true };
}

/** 学时审验 waits for a record the chain approved (审核通过) and nobody has audited yet. */
export const awaitsAudit = (d: { status: string }) => d.status === "APPROVED";

/**
 * Why an audit batch skips a record: it was audited first by another admin (已备案 or 已作废:
 * 已被其他管理员处理), or it is not an approved record at all (不是待审验的记录).
 */
export const auditSkipMessage = (d: { status: string }) => (d.status === "FILED" || d.status === "VOIDED" ? ALREADY_DECIDED_MESSAGE : "不是待审验的记录");
