import { DomainError } from "@ce/contracts";

/** Refusal of a batch naming any record the caller may not see. */
export const NOT_IN_SCOPE = "所选记录不存在或不在本单位管辖范围内";

/**
 * A batch decision over rows locked FOR UPDATE: rows still pending are decided now, the rest
 * were decided by someone else first and are reported by name, never decided twice.
 */
export function splitPending<T extends { status: string; name: string }>(rows: T[]): { pending: T[]; alreadyDecided: string[] } {
  return { pending: rows.filter((r) => r.status === "PENDING"), alreadyDecided: rows.filter((r) => r.status !== "PENDING").map((r) => r.name) };
}

/** Requested ids the caller may not see are refused as a whole, so nothing leaks about them. */
export function missingIds(requested: readonly string[], found: readonly { id: string }[]): string[] {
  const seen = new Set(found.map((r) => r.id));
  return [...new Set(requested)].filter((id) => !seen.has(id));
}

/**
 * The batch a reviewer may decide from the rows found in their scope: refuses the whole batch
 * with DomainError NOT_FOUND (所选记录不存在或不在本单位管辖范围内) when any requested id was not
 * found, so nothing leaks about it; otherwise splits it as splitPending does.
 */
export function reviewBatch<T extends { id: string; status: string; name: string }>(
  requested: readonly string[],
  found: T[],
): { pending: T[]; alreadyDecided: string[] } {
  if (missingIds(requested, found).length > 0) throw new DomainError("NOT_FOUND", NOT_IN_SCOPE);
  return splitPending(found);
}
