import { randomUUID } from "node:crypto";
import { DomainError, type ListSubordinatesInput, type ListTrainingBasesInput, type Page, UnitRow, UnitSnapshot, unitDepth } from "@ce/contracts";
import { type EventMeta, likeContains, likePrefix, paginate, quoteIdent } from "@ce/service-kit";
import { Prisma } from "../../generated/prisma/client.ts";
import { SCHEMA } from "../config.ts";
import { applyUnitPatch, codeCheckMismatch, type NewUnit, placeUnit, type UnitPatch } from "../domain/units.ts";
import { unitCreated, unitUpdated } from "../events/units.ts";
import type { Db, Tx } from "./client.ts";
import { isUniqueViolation } from "./errors.ts";

const table = Prisma.raw(`${quoteIdent(SCHEMA)}.unit`);
const CODE_TAKEN = "该机构代码/统一社会信用代码已被注册";

/**
 * Creates a unit under its superior and announces it (unit.created) in the same transaction.
 * Call the outbox relay's nudge() after the transaction commits.
 */
export async function createUnit(tx: Tx, input: NewUnit, meta: EventMeta): Promise<UnitSnapshot> {
  const superior = input.superiorId ? await tx.unit.findUnique({ where: { id: input.superiorId }, select: { id: true, kind: true, path: true } }) : null;
  if (input.superiorId && !superior) throw new DomainError("BAD_REQUEST", "上级部门不存在", "superiorId");
  const unit = placeUnit(input.id ?? randomUUID(), input, superior);
  if (unit.code && (await tx.unit.findUnique({ where: { code: unit.code }, select: { id: true } }))) {
    throw new DomainError("CONFLICT", CODE_TAKEN, "code");
  }
  try {
    await tx.unit.create({
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
  } catch (e) {
    if (isUniqueViolation(e, "unit_code_key")) throw new DomainError("CONFLICT", CODE_TAKEN, "code");
    throw e;
  }
  await unitCreated(tx, unit, meta);
  return unit;
}

/** Changes a unit's own fields, bumps its version and announces the new snapshot (unit.updated). */
export async function updateUnit(tx: Tx, unitId: string, patch: UnitPatch, meta: EventMeta): Promise<UnitSnapshot> {
  // Row lock: two concurrent updates must not both publish the same next version.
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM ${table} WHERE id = ${unitId}::uuid FOR UPDATE`;
  if (locked.length === 0) throw new DomainError("NOT_FOUND", "单位不存在");
  const row = await tx.unit.findUniqueOrThrow({ where: { id: unitId } });
  const next = applyUnitPatch(toSnapshot(row), patch);
  if (next.code && next.code !== row.code && (await tx.unit.findUnique({ where: { code: next.code }, select: { id: true } }))) {
    throw new DomainError("CONFLICT", CODE_TAKEN, "code");
  }
  await tx.unit.update({
    where: { id: unitId },
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
  await unitUpdated(tx, next, meta);
  return next;
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

export async function listSubordinates(db: Db, scope: { scopePath: string; unitId: string }, input: ListSubordinatesInput): Promise<Page<UnitRow>> {
  const where = subordinatesWhere(scope, input);
  const { items: rows, ...served } = await paginate(
    input,
    async () => (await db.$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total FROM ${table} u WHERE ${where}`)[0]?.total ?? 0,
    ({ limit, offset }) =>
      db.$queryRaw<Record<string, unknown>[]>`
      SELECT u.id::text AS id, u.name, u.kind, u.nature, u.industry, u.code, u.superior_id::text AS "superiorId",
             s.name AS "superiorName", u.status, u.training_level AS "trainingLevel"
      FROM ${table} u LEFT JOIN ${table} s ON s.id = u.superior_id
      WHERE ${where}
      ORDER BY u.depth, u.name, u.id
      LIMIT ${limit} OFFSET ${offset}`,
  );
  return { ...served, items: rows.map((r) => UnitRow.parse(r)) };
}

/** 管理继续教育基地: approved CE bases in the caller's subtree, by name, 所属行业 and 施教级别. */
export async function listTrainingBases(db: Db, scope: { scopePath: string; unitId: string }, input: ListTrainingBasesInput): Promise<Page<UnitRow>> {
  const conditions = [subordinatesWhere(scope, input), Prisma.sql`u.kind = 'TRAINING_BASE'`];
  if (input.industry) conditions.push(Prisma.sql`u.industry = ${input.industry}`);
  if (input.trainingLevel) conditions.push(Prisma.sql`u.training_level = ${input.trainingLevel}`);
  const where = Prisma.join(conditions, " AND ");
  const { items: rows, ...served } = await paginate(
    input,
    async () => (await db.$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total FROM ${table} u WHERE ${where}`)[0]?.total ?? 0,
    ({ limit, offset }) =>
      db.$queryRaw<Record<string, unknown>[]>`
      SELECT u.id::text AS id, u.name, u.kind, u.nature, u.industry, u.code, u.superior_id::text AS "superiorId",
             s.name AS "superiorName", u.status, u.training_level AS "trainingLevel"
      FROM ${table} u LEFT JOIN ${table} s ON s.id = u.superior_id
      WHERE ${where}
      ORDER BY u.name, u.id
      LIMIT ${limit} OFFSET ${offset}`,
  );
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
