import { ALREADY_DECIDED_MESSAGE, type BatchOutcome, batchOutcome, type PlannedSkip, planBatch } from "@ce/contracts";

/** Refusal of a batch naming any record the caller may not see. */
export const NOT_IN_SCOPE = "所选记录不存在或不在本单位管辖范围内";

/**
 * The review rule of the batch contract (@ce/contracts batch.ts) over rows locked FOR UPDATE in the
 * caller's scope: refuses the whole batch with DomainError NOT_FOUND (所选记录不存在或不在本单位管辖范围内)
 * when any requested id was not found, so nothing leaks about it; otherwise the rows still PENDING
 * are to be decided now (`waiting`) and the rest, decided first by another admin, are skipped — as
 * is a row `isOwn` says the deciding account is a party to (their own 信息修改: contracts isOwnCase).
 */
export function reviewBatch<T extends { id: string; status: string }>(
  requested: readonly string[],
  found: T[],
  isOwn?: (row: T) => boolean,
): { waiting: T[]; skipped: PlannedSkip<T>[] } {
  return planBatch(requested, found, { isWaiting: (r) => r.status === "PENDING", isOwn, notFound: NOT_IN_SCOPE });
}

/** The BatchOutcome of a review: each row labelled by its name (a unit's or a person's), a skip as 已被其他管理员处理. */
export function reviewOutcome<T extends { id: string; name: string }>(plan: { waiting: readonly T[]; skipped: readonly PlannedSkip<T>[] }): BatchOutcome {
  return batchOutcome(
    plan,
    (r) => r.name,
    () => ALREADY_DECIDED_MESSAGE,
  );
}
