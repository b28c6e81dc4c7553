import { type EventEnvelope, identityEvents, isNewerSnapshot, type UnitMoved, type UnitSnapshot, unitMoveApplies } from "@ce/contracts";
import { quoteIdent, type SqlClient } from "./db.ts";
import { on } from "./inbox.ts";
import { likePrefix } from "./text-filter.ts";

/** How one service keeps its copy of identity's units (table `<schema>.unit_replica`). */
export interface UnitReplicaOptions<Tx extends SqlClient> {
  schema: string;
  /** The replica's own columns (snake_case) from a snapshot; id, version and updated_at are added. */
  columns(snapshot: UnitSnapshot): Record<string, string | null>;
  /** Every other `table.column` holding a unit path that a move rewrites (unit_replica.path always is). */
  pathColumns: Array<[table: string, column: string]>;
  /** Runs after a unit.created snapshot was handled (e.g. reporting's registration count). */
  afterCreated?(tx: Tx, event: EventEnvelope<UnitSnapshot>): Promise<void>;
}

const ident = (name: string) => {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unsafe column: ${name}`);
  return name;
};

async function heldVersion(tx: SqlClient, table: string, unitId: string): Promise<{ version: number } | null> {
  const rows = await tx.$queryRawUnsafe<Array<{ version: number }>>(`SELECT version FROM ${table} WHERE id = $1::uuid`, unitId);
  return rows[0] ?? null;
}

/**
 * The one consumer of identity's unit events for every replica (issue 9 item 2): unit.created and
 * unit.updated upsert the snapshot when it is newer than the one held (`isNewerSnapshot`);
 * unit.moved rewrites every path under the old path (unit_replica.path and `pathColumns`) and
 * the unit's superior, only when `unitMoveApplies` (contracts). Runs inside the inbox's
 * transaction, so each event is applied once; throws on a database error (the event is retried).
 */
export function unitReplicaHandlers<Tx extends SqlClient>(opts: UnitReplicaOptions<Tx>) {
  const table = `${quoteIdent(opts.schema)}.unit_replica`;

  async function upsert(tx: Tx, event: EventEnvelope<UnitSnapshot>): Promise<void> {
    const s = event.data;
    if (!isNewerSnapshot(s, await heldVersion(tx, table, s.unitId))) return;
    const row = Object.entries(opts.columns(s));
    const names = [...row.map(([name]) => ident(name)), "version", "updated_at"];
    const values = [s.unitId, ...row.map(([, v]) => v), s.version, event.occurredAt];
    const placeholders = names.map((name, i) => (name === "updated_at" ? `$${i + 2}::timestamptz` : name === "superior_id" ? `$${i + 2}::uuid` : `$${i + 2}`));
    await tx.$executeRawUnsafe(
      `INSERT INTO ${table} (id, ${names.join(", ")}) VALUES ($1::uuid, ${placeholders.join(", ")})
       ON CONFLICT (id) DO UPDATE SET ${names.map((n) => `${n} = EXCLUDED.${n}`).join(", ")}`,
      ...values,
    );
  }

  async function moved(tx: Tx, event: EventEnvelope<UnitMoved>): Promise<void> {
    const m = event.data;
    if (!unitMoveApplies(await heldVersion(tx, table, m.unitId), m)) return;
    for (const [t, column] of [["unit_replica", "path"] as [string, string], ...opts.pathColumns]) {
      const c = ident(column);
      await tx.$executeRawUnsafe(
        `UPDATE ${quoteIdent(opts.schema)}.${ident(t)} SET ${c} = $2 || substr(${c}, length($1) + 1) WHERE ${c} LIKE $3`,
        m.oldPath,
        m.newPath,
        likePrefix(m.oldPath),
      );
    }
    await tx.$executeRawUnsafe(
      `UPDATE ${table} SET superior_id = $2::uuid, version = $3, updated_at = $4::timestamptz WHERE id = $1::uuid`,
      m.unitId,
      m.newSuperiorId,
      m.version,
      event.occurredAt,
    );
  }

  return [
    on<Tx, typeof identityEvents.unitCreated.data>(identityEvents.unitCreated, async (tx, event) => {
      await upsert(tx, event);
      await opts.afterCreated?.(tx, event);
    }),
    on<Tx, typeof identityEvents.unitUpdated.data>(identityEvents.unitUpdated, upsert),
    on<Tx, typeof identityEvents.unitMoved.data>(identityEvents.unitMoved, moved),
  ];
}
