import { type DepartmentNode, DepartmentStatus } from "@ce/contracts";
import { quoteIdent } from "@ce/service-kit";
import { Prisma } from "../../generated/prisma/client.ts";
import { SCHEMA } from "../config.ts";
import { orderTree } from "../domain/departments.ts";
import type { Db, Tx } from "./client.ts";
import { takenIndex } from "./errors.ts";

const table = Prisma.raw(`${quoteIdent(SCHEMA)}.department`);

/** The whole department tree of one unit in display order. */
export async function listDepartments(db: Db, unitId: string, name?: string): Promise<DepartmentNode[]> {
  const rows = await db.department.findMany({ where: { unitId }, select: { id: true, parentId: true, name: true, sortOrder: true, status: true } });
  return orderTree(
    rows.map((r) => ({ ...r, status: DepartmentStatus.parse(r.status) })),
    name,
  );
}

/** Locks a department of the unit; null for one in another unit (never shown) or none. */
export async function lockDepartment(tx: Tx, unitId: string, id: string) {
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM ${table} WHERE id = ${id}::uuid AND unit_id = ${unitId}::uuid FOR UPDATE`;
  if (locked.length === 0) return null;
  return tx.department.findUniqueOrThrow({ where: { id } });
}

/** Runs a write of a department; false when a sibling already has its name (department_sibling_name_key). */
async function unlessNameTaken(write: () => Promise<unknown>): Promise<boolean> {
  return (await takenIndex(write, "department_sibling_name_key")) === null;
}

/** Inserts an ACTIVE department; false when the name is taken among its siblings. */
export function insertDepartment(
  tx: Tx,
  data: { id: string; unitId: string; parentId: string | null; name: string; sortOrder: number; path: string },
): Promise<boolean> {
  return unlessNameTaken(() => tx.department.create({ data: { ...data, status: "ACTIVE" } }));
}

/** Renames and reorders a department; false when the name is taken among its siblings. */
export function saveDepartment(tx: Tx, id: string, data: { name: string; sortOrder: number }): Promise<boolean> {
  return unlessNameTaken(() => tx.department.update({ where: { id }, data }));
}

/** What disabling a department depends on: its active children and the people (professionals and admins) in it. */
export async function departmentUsage(tx: Tx, id: string): Promise<{ activeChildren: number; people: number }> {
  const [activeChildren, professionals, admins] = await Promise.all([
    tx.department.count({ where: { parentId: id, status: "ACTIVE" } }),
    tx.professional.count({ where: { departmentId: id } }),
    tx.admin.count({ where: { departmentId: id } }),
  ]);
  return { activeChildren, people: professionals + admins };
}

/** A department's status, or null when there is none. */
export function departmentStatus(tx: Tx, id: string) {
  return tx.department.findUnique({ where: { id }, select: { status: true } });
}

/** Sets a department's status. */
export async function updateDepartmentStatus(tx: Tx, id: string, status: DepartmentStatus): Promise<void> {
  await tx.department.update({ where: { id }, data: { status } });
}
