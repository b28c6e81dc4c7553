import { DomainError } from "@ce/contracts";

/** What a decision needs to know of a declaration, read under its row lock. */
export interface PendingDeclaration {
  id: string;
  status: string;
  currentHandlerId: string | null;
  stepIndex: number;
  chain: readonly { id: string; name: string }[];
  requestedHours: number;
  computedHours: number;
}

export type Decision = { kind: "APPROVE"; recognizedHours?: number } | { kind: "REJECT" };

export interface NextState {
  status: "PENDING" | "APPROVED" | "REJECTED";
  stepIndex: number;
  currentHandlerId: string | null;
  recognizedHours: number | null;
  /** The chain is done: the final event goes out. */
  final: boolean;
}

/** 认定学时 by default: what the rule computed, never more than was claimed. */
export const defaultRecognized = (d: Pick<PendingDeclaration, "requestedHours" | "computedHours">) => Math.min(d.requestedHours, d.computedHours);

/**
 * One level's decision on a declaration waiting for `unitId`. Approving moves it to the next unit
 * of the chain, or makes it 审核通过 at the last; rejecting ends it as 审核不通过.
 */
export function decideStep(d: PendingDeclaration, unitId: string, decision: Decision): NextState {
  if (d.status !== "PENDING" || d.currentHandlerId !== unitId) {
    throw new DomainError("CONFLICT", "该申报已被处理或当前不由本单位审批，请刷新后重试");
  }
  if (decision.kind === "REJECT") return { status: "REJECTED", stepIndex: d.stepIndex, currentHandlerId: null, recognizedHours: null, final: true };
  const recognized = decision.recognizedHours ?? defaultRecognized(d);
  if (recognized > d.requestedHours) throw new DomainError("BAD_REQUEST", `认定学时不能超过申报学时${d.requestedHours}`, "recognizedHours");
  if (recognized > d.computedHours) throw new DomainError("BAD_REQUEST", `认定学时不能超过该学习形式的上限${d.computedHours}学时`, "recognizedHours");
  const next = d.stepIndex + 1;
  const nextUnit = d.chain[next];
  return nextUnit
    ? { status: "PENDING", stepIndex: next, currentHandlerId: nextUnit.id, recognizedHours: recognized, final: false }
    : { status: "APPROVED", stepIndex: d.stepIndex, currentHandlerId: null, recognizedHours: recognized, final: true };
}
