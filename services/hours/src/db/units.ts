import { pathIds, UnitKind } from "@ce/contracts";
import { dbValue, prefixFilter } from "@ce/service-kit";
import type { ChainUnit } from "../domain/approval-chain.ts";
import type { Db } from "./client.ts";

/** The replica's row for one unit, if it is within the given scope. */
export function findUnitInScope(db: Db, unitId: string, scopePath: string) {
  return db.unitReplica.findFirst({ where: { id: unitId, path: prefixFilter(scopePath) } });
}

/** Every unit on a path (the unit and its superiors), keyed by id. */
export async function unitsOnPath(db: Db, path: string): Promise<Map<string, ChainUnit>> {
  const rows = await db.unitReplica.findMany({ where: { id: { in: pathIds(path) } }, select: { id: true, name: true, kind: true } });
  return new Map(rows.map((r) => [r.id, { id: r.id, name: r.name, kind: dbValue(UnitKind, r.kind, "hours.unit_replica.kind") } satisfies ChainUnit]));
}
