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
