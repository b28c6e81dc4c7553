/**
 * Data scope over the unit hierarchy. A unit's path lists its ancestors' ids and its own,
 * e.g. "/<province>/<city>/<unit>/"; a unit is in a caller's scope when its path starts with
 * the caller's scope path. Paths always end with "/" so "/a/" never matches "/ab/".
 */
export function unitPath(superiorPath: string | null, unitId: string): string {
  return `${superiorPath ?? "/"}${unitId}/`;
}

export function isWithinScope(scopePath: string | null, targetPath: string): boolean {
  return scopePath?.endsWith("/") === true && targetPath.startsWith(scopePath);
}

/** Strictly below the scope root (a subordinate, not the unit itself). */
export function isSubordinateOf(scopePath: string | null, targetPath: string): boolean {
  return isWithinScope(scopePath, targetPath) && targetPath !== scopePath;
}

/** The ids on a path, root first. */
export function pathIds(path: string): string[] {
  return path.split("/").filter(Boolean);
}

/**
 * Whose hours a unit declares for (学时申报 › 选择申请人), as a scope path: its own subtree — but a
 * 继续教育基地 declares for the people it trained, who work anywhere, so its reach is the whole
 * province, the root of its path (issue 13.5). The people must still exist and be approved.
 */
export function declareScopePath(scopePath: string, unitKind: string | null): string {
  if (unitKind !== "TRAINING_BASE") return scopePath;
  const root = pathIds(scopePath)[0];
  return root ? `/${root}/` : scopePath;
}
