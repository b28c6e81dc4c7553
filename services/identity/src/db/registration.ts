import type { DepartmentOption, SearchUnitsInput, UnitOption } from "@ce/contracts";
import { containsFilter, quoteIdent } from "@ce/service-kit";
import type { z } from "zod";
import { Prisma } from "../../generated/prisma/client.ts";
import { SCHEMA } from "../config.ts";
import { type RejectedRegistration, rejectedRegistration } from "../domain/registration.ts";
import type { Db, Tx } from "./client.ts";

/** Who holds an account: enough to tell them by e-mail that someone used their ID number. */
export interface AccountOwner {
  id: string;
  name: string;
  email: string | null;
  /** The account's own registration when it was rejected (a new one may replace it), else null. */
  rejected: RejectedRegistration | null;
}

/**
 * The owner of the account registered under an ID number, or null: `idNumberHashes` are the
 * number's blind indexes under every 证件类型 (security/pii.ts blindIndexesOfNumber), so a number
 * registered as 护照 is taken for 港澳通行证 too.
 */
export async function accountOwner(db: Db | Tx, idNumberHashes: readonly string[]): Promise<AccountOwner | null> {
  // Two holders of one number (accounts made under two 证件类型 before one number meant one person):
  // neither is a lone rejected registration to replace — the number is taken, whichever comes first.
  const rows = await db.account.findMany({
    where: { idNumberHash: { in: [...idNumberHashes] } },
    orderBy: { id: "asc" },
    take: 2,
    select: {
      id: true,
      name: true,
      email: true,
      status: true,
      professional: { select: { status: true, unitId: true } },
      admin: { select: { isSuper: true, unit: { select: { id: true, kind: true, status: true } } } },
    },
  });
  const row = rows[0];
  if (!row) return null;
  const { id, name, email } = row;
  return { id, name, email, rejected: rows.length === 1 ? rejectedRegistration(row) : null };
}

/** Locks an account row (FOR UPDATE) so two registrations replacing its rejected one queue. */
export async function lockAccount(tx: Tx, accountId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM ${Prisma.raw(`${quoteIdent(SCHEMA)}.account`)} WHERE id = ${accountId}::uuid FOR UPDATE`;
}

/** A professional's stored registration (status, 驳回原因, unit, department, profile); Prisma's not-found error when there is none. */
export function registeredProfessional(tx: Tx, accountId: string) {
  return tx.professional.findUniqueOrThrow({ where: { accountId } });
}

/** The kind and status of a unit chosen on a registration form, or null when it does not exist. */
export function chosenUnit(tx: Tx, unitId: string): Promise<{ kind: string; status: string } | null> {
  return tx.unit.findUnique({ where: { id: unitId }, select: { kind: true, status: true } });
}

/** The unit and status of a chosen 工作部门, or null when it does not exist. */
export function chosenDepartment(tx: Tx, departmentId: string): Promise<{ unitId: string; status: string } | null> {
  return tx.department.findUnique({ where: { id: departmentId }, select: { unitId: true, status: true } });
}

/**
 * The public unit picker (and the portal's 主管部门 / 用人单位 filters by name): approved units of the
 * given kinds, name and id only — those named exactly `input.name` first, then those containing it,
 * shallowest first; at most `input.limit`.
 */
export async function approvedUnitOptions(db: Db, input: z.output<typeof SearchUnitsInput>): Promise<UnitOption[]> {
  const approved = { status: "APPROVED", kind: { in: input.kinds } };
  const options = { select: { id: true, name: true }, orderBy: [{ depth: "asc" as const }, { name: "asc" as const }] };
  // A unit called exactly what was typed comes first, however many others contain the text.
  const exact = input.name ? await db.unit.findMany({ ...options, where: { ...approved, name: input.name }, take: input.limit }) : [];
  const rest = await db.unit.findMany({
    ...options,
    where: { ...approved, id: { notIn: exact.map((u) => u.id) }, ...(input.name ? { name: containsFilter(input.name) } : {}) },
    take: input.limit - exact.length,
  });
  return [...exact, ...rest];
}

/** 工作部门 choices of an approved unit (active departments, tree order). */
export function activeDepartmentOptions(db: Db, unitId: string): Promise<DepartmentOption[]> {
  return db.department.findMany({
    where: { unitId, status: "ACTIVE", unit: { status: "APPROVED" } },
    select: { id: true, name: true },
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
  });
}
