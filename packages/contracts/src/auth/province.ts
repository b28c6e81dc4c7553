import type { UnitKind } from "../domain-codes.ts";
import { pathIds } from "./scope.ts";

/**
 * How far below the root of the unit hierarchy a unit sits, from its materialised path
 * (`/<province>/<city>/<unit>/`, see scope.ts): the root is 0, a city bureau under it 1, a unit
 * under a city 2. A path naming no unit ("/" or "") gives -1. Pure; never throws. The same number
 * identity keeps in its `unit.depth` column.
 */
export function unitDepth(path: string): number {
  return pathIds(path).length - 1;
}

/**
 * Whether a unit is the province: the supervising department (主管部门, kind AUTHORITY) at the root
 * of the hierarchy, i.e. with no superior (the admin guide's 省级主管部门, the only unit that keeps
 * the learning-form catalog). A unit keeps this for life: the root cannot be moved (更换上级部门
 * needs a superior) and no move can leave a unit without one. Pure; never throws.
 */
export function isProvinceUnit(unit: { kind: UnitKind; path: string }): boolean {
  return unit.kind === "AUTHORITY" && unitDepth(unit.path) === 0;
}

/** What the principal says about the unit a caller acts for (see Principal). */
export interface CallerUnit {
  unitKind: UnitKind | null;
  unitDepth: number | null;
  isProvince: boolean;
}

/**
 * The unit facts identity writes into a principal at login, so that pages and services read them
 * instead of asking again: the admin's unit kind, its depth (unitDepth) and whether it is the
 * province (isProvinceUnit). `null` (a professional, who acts for no unit) gives nulls and false.
 */
export function callerUnit(unit: { kind: UnitKind; path: string } | null): CallerUnit {
  if (!unit) return { unitKind: null, unitDepth: null, isProvince: false };
  return { unitKind: unit.kind, unitDepth: unitDepth(unit.path), isProvince: isProvinceUnit(unit) };
}
