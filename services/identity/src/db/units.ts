import { type ListSubordinatesInput, type ListTrainingBasesInput, type Page, UnitRow, UnitSnapshot, unitDepth } from "@ce/contracts";
import { likeContains, likePrefix, quoteIdent } from "@ce/service-kit";
import { Prisma } from "../../generated/prisma/client.ts";
import { SCHEMA } from "../config.ts";
import { codeCheckMismatch, type SuperiorUnit } from "../domain/units.ts";
import type { Db, Tx } from "./client.ts";
import { takenIndex } from "./errors.ts";
import { sqlPage } from "./sql-page.ts";

const table = Prisma.raw(`${quoteIdent(SCHEMA)}.unit`);

/** The superior a new unit is placed under (its kind and path), or null when no such unit exists. */
export function superiorToPlace(tx: Tx, superiorId: string): Promise<SuperiorUnit | null> {
  return tx.unit.findUnique({ where: { id: superiorId }, select: { id: true, kind: true, path: true } });
}

/** Inserts a placed unit (domain placeUnit). Returns false when its code is taken (unit_code_key). */
export async function insertUnit(tx: Tx, unit: UnitSnapshot): Promise<boolean> {
  const write = () =>
    tx.unit.create({
      data: {
        id: unit.unitId,
        name: unit.name,
        kind: unit.kind,
        nature: unit.nature,
        industry: unit.industry,
        region: unit.region,
        code: unit.code,
        creditCodeCheckMismatch: codeCheckMismatch(unit.code),
        superiorId: unit.superiorId,
        path: unit.path,
        depth: unitDepth(unit.path),
        status: unit.status,
        trainingLevel: unit.trainingLevel,
        version: unit.version,
      },
    });
  return (await takenIndex(write, "unit_code_key")) === null;
}

/**
 * A unit as its contract snapshot, its row locked until the transaction ends (two concurrent
 * updates must not both publish the same next version); null when no such unit exists.
 */
export async function lockUnitSnapshot(tx: Tx, unitId: string): Promise<UnitSnapshot | null> {
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM ${table} WHERE id = ${unitId}::uuid FOR UPDATE`;
  if (locked.length === 0) return null;
  return toSnapshot(await tx.unit.findUniqueOrThrow({ where: { id: unitId } }));
}

/** Writes a unit's own fields and version as `next` has them (its tree position is not touched). */
export async function writeUnit(tx: Tx, next: UnitSnapshot): Promise<void> {
  await tx.unit.update({
    where: { id: next.unitId },
    data: {
      name: next.name,
      nature: next.nature,
      industry: next.industry,
      region: next.region,
      code: next.code,
      creditCodeCheckMismatch: codeCheckMismatch(next.code),
      status: next.status,
      trainingLevel: next.trainingLevel,
      version: next.version,
    },
  });
}

type UnitRecord = Pick<
  NonNullable<Awaited<ReturnType<Tx["unit"]["findUnique"]>>>,
  "id" | "name" | "kind" | "nature" | "industry" | "region" | "code" | "superiorId" | "path" | "status" | "trainingLevel" | "version"
>;

/** The contract snapshot of a stored unit; its enums are checked on the way out. */
export function toSnapshot(row: UnitRecord): UnitSnapshot {
  return UnitSnapshot.parse({
    unitId: row.id,
    name: row.name,
    kind: row.kind,
    nature: row.nature,
    industry: row.industry,
    region: row.region,
    code: row.code,
    superiorId: row.superiorId,
    path: row.path,
    status: row.status,
    trainingLevel: row.trainingLevel,
    version: row.version,
  });
}

/**
 * 管理下级单位: approved units strictly below the caller's unit, anywhere in its subtree. The scope
 * is one prefix match on the materialised path (an index range scan on unit_path_key).
 */
export function subordinatesWhere(scope: { scopePath: string; unitId: string }, filter: { name?: string | undefined; nature?: string | undefined }) {
  const conditions = [Prisma.sql`u.path LIKE ${likePrefix(scope.scopePath)}`, Prisma.sql`u.id <> ${scope.unitId}::uuid`, Prisma.sql`u.status = 'APPROVED'`];
  if (filter.name) conditions.push(Prisma.sql`u.name ILIKE ${likeContains(filter.name)}`);
  if (filter.nature) conditions.push(Prisma.sql`u.nature = ${filter.nature}`);
  return Prisma.join(conditions, " AND ");
}

/** 管理下级单位's page: the approved units of the caller's subtree, shallowest first, then by name. */
export function subordinatePage(db: Db, scope: { scopePath: string; unitId: string }, input: ListSubordinatesInput): Promise<Page<UnitRow>> {
  return unitRowPage(db, subordinatesWhere(scope, input), Prisma.sql`u.depth, u.name, u.id`, input);
}

/** 管理继续教育基地: approved CE bases in the caller's subtree, by name, 所属行业 and 施教级别. */
export function trainingBasePage(db: Db, scope: { scopePath: string; unitId: string }, input: ListTrainingBasesInput): Promise<Page<UnitRow>> {
  const conditions = [subordinatesWhere(scope, input), Prisma.sql`u.kind = 'TRAINING_BASE'`];
  if (input.industry) conditions.push(Prisma.sql`u.industry = ${input.industry}`);
  if (input.trainingLevel) conditions.push(Prisma.sql`u.training_level = ${input.trainingLevel}`);
  return unitRowPage(db, Prisma.join(conditions, " AND "), Prisma.sql`u.name, u.id`, input);
}

/** One page of units (alias `u`) matching `where`, as list rows with their superior's name. */
async function unitRowPage(db: Db, where: Prisma.Sql, orderBy: Prisma.Sql, input: { page: number; pageSize: number }): Promise<Page<UnitRow>> {
  const { items: rows, ...served } = await sqlPage(db, input, {
    columns: Prisma.sql`u.id::text AS id, u.name, u.kind, u.nature, u.industry, u.code, u.superior_id::text AS "superiorId",
             s.name AS "superiorName", u.status, u.training_level AS "trainingLevel"`,
    from: Prisma.sql`${table} u LEFT JOIN ${table} s ON s.id = u.superior_id`,
    where,
    orderBy,
  });
  return { ...served, items: rows.map((r) => UnitRow.parse(r)) };
}

/** A unit as its contract snapshot, with its superior's name (null at the root). */
export async function unitWithSuperiorName(db: Db, unitId: string): Promise<{ unit: UnitSnapshot; superiorName: string | null }> {
  const row = await db.unit.findUniqueOrThrow({ where: { id: unitId }, include: { superior: { select: { name: true } } } });
  return { unit: toSnapshot(row), superiorName: row.superior?.name ?? null };
}

/** A unit's free fields (nature, industry, region) as stored. */
export function unitFreeFields(tx: Tx, unitId: string) {
  return tx.unit.findUniqueOrThrow({ where: { id: unitId }, select: { nature: true, industry: true, region: true } });
}

/** Approved authorities other than `exceptId`, shallowest first, then by name. */
export function approvedAuthoritiesExcept(db: Db, exceptId: string): Promise<{ id: string; name: string }[]> {
  return db.unit.findMany({
    where: { kind: "AUTHORITY", status: "APPROVED", id: { not: exceptId } },
    select: { id: true, name: true },
    orderBy: [{ depth: "asc" }, { name: "asc" }],
  });
}
