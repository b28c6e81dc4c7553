/**
 * The subtree rollups (reporting.subtree_*, migration 0012, ADR 013 addendum "Subtree rollups"):
 * each per-unit rollup (unit_figures, unit_approved_hours, title_figures) summed once more per node
 * of the unit tree over the units strictly below it — its proper descendants by each unit's current
 * path. A statistic of a whole subtree (the province's) then reads the root's own per-unit rows and
 * its node rows, instead of every unit's.
 *
 * Kept by attribution: every per-unit change is added to the unit's proper ancestors (the ids of its
 * path but its own), and when a unit's path changes (its snapshot arrives, it or an ancestor is
 * moved) its per-unit rows are taken from the ancestors it lost and given to the ones it gained
 * (`reattribution`). So a node's rows are the sum of its descendants' rows under today's paths,
 * whatever order the events came in. A statistic of the tree as it stood on a past day corrects
 * them by the units that differ (db unit-history.ts subtreeCorrection).
 */

/** The proper ancestors of a unit, root first, from its path ('/p/c/u/' → [p, c]); SQL reporting.proper_ancestors. */
export function properAncestors(path: string): string[] {
  return path.split("/").filter(Boolean).slice(0, -1);
}

/** The unit a path ends with ('/p/c/u/' → u). */
export function unitOfPath(path: string): string {
  const ids = path.split("/").filter(Boolean);
  const last = ids[ids.length - 1];
  if (last === undefined) throw new Error(`not a unit path: "${path}"`);
  return last;
}

/** One unit's rows to take from (`sign` −1) or give to (+1) one node. */
export interface Attribution {
  unitId: string;
  nodeId: string;
  sign: 1 | -1;
}

/**
 * What a change of units' paths does to the subtree rollups: for every unit whose path differs
 * before and after (null: not known), −1 for each proper ancestor it lost and +1 for each it gained;
 * ancestors on both paths keep the unit's rows. Ordered by unit, then node.
 */
export function reattribution(before: ReadonlyMap<string, string | null>, after: ReadonlyMap<string, string | null>): Attribution[] {
  const out: Attribution[] = [];
  const units = [...new Set([...before.keys(), ...after.keys()])].sort();
  for (const unitId of units) {
    const [was, is] = [before.get(unitId) ?? null, after.get(unitId) ?? null];
    if (was === is) continue;
    const lost = new Set(was === null ? [] : properAncestors(was));
    const gained = new Set(is === null ? [] : properAncestors(is));
    for (const nodeId of [...lost].sort()) if (!gained.has(nodeId)) out.push({ unitId, nodeId, sign: -1 });
    for (const nodeId of [...gained].sort()) if (!lost.has(nodeId)) out.push({ unitId, nodeId, sign: 1 });
  }
  return out;
}
