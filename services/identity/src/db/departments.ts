import { randomUUID } from "node:crypto";
import { type CreateDepartmentInput, type DepartmentNode, DepartmentStatus, DomainError, type UpdateDepartmentInput } from "@ce/contracts";
import { quoteIdent } from "@ce/service-kit";
import { Prisma } from "../../generated/prisma/client.ts";
import { SCHEMA } from "../config.ts";
import { checkDisable, checkParentActive, departmentMessages, orderTree } from "../domain/departments.ts";
import { type AuditActor, recordAudit } from "./audit.ts";
import type { Db, Tx } from "./client.ts";
import { isUniqueViolation } from "./errors.ts";

const table = Prisma.raw(`${quoteIdent(SCHEMA)}.department`);

/** The whole department tree of one unit in display order. */
export async function listDepartments(db: Db, unitId: string, name?: string): Promise<DepartmentNode[]> {
  const rows = await db.department.findMany({ where: { unitId }, select: { id: true, parentId: true, name: true, sortOrder: true, status: true } });
  return orderTree(
    rows.map((r) => ({ ...r, status: DepartmentStatus.parse(r.status) })),
    name,
  );
}

/** Locks a department of the unit; one in another unit is NOT_FOUND, never shown. */
async function lockDepartment(tx: Tx, unitId: string, id: string) {
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM ${table} WHERE id = ${id}::uuid AND unit_id = ${unitId}::uuid FOR UPDATE`;
  if (locked.length === 0) throw new DomainError("NOT_FOUND", departmentMessages.notFound, "id");
  return tx.department.findUniqueOrThrow({ where: { id } });
}

async function withNameCheck<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (isUniqueViolation(e, "department_sibling_name_key")) throw new DomainError("CONFLICT", departmentMessages.nameTaken, "name");
    throw e;
  }
}

export async function createDepartment(tx: Tx, actor: AuditActor, unitId: string, input: CreateDepartmentInput): Promise<{ id: string }> {
  const parent = input.parentId ? await lockDepartment(tx, unitId, input.parentId).catch(() => null) : null;
  if (input.parentId && !parent) throw new DomainError("NOT_FOUND", "上级部门不存在", "parentId");
  checkParentActive(parent);
  const id = randomUUID();
  const path = `${parent?.path ?? "/"}${id}/`;
  await withNameCheck(() =>
    tx.department.create({ data: { id, unitId, parentId: parent?.id ?? null, name: input.name, sortOrder: input.sortOrder, path, status: "ACTIVE" } }),
  );
  await recordAudit(tx, actor, {
    action: "department.create",
    entityType: "department",
    entityId: id,
    unitId,
    after: { name: input.name, parentId: parent?.id ?? null, sortOrder: input.sortOrder },
  });
  return { id };
}

export async function updateDepartment(tx: Tx, actor: AuditActor, unitId: string, input: UpdateDepartmentInput): Promise<void> {
  const before = await lockDepartment(tx, unitId, input.id);
  await withNameCheck(() => tx.department.update({ where: { id: input.id }, data: { name: input.name, sortOrder: input.sortOrder } }));
  await recordAudit(tx, actor, {
    action: "department.update",
    entityType: "department",
    entityId: input.id,
    unitId,
    before: { name: before.name, sortOrder: before.sortOrder },
    after: { name: input.name, sortOrder: input.sortOrder },
  });
}

export async function setDepartmentStatus(tx: Tx, actor: AuditActor, unitId: string, id: string, status: DepartmentStatus): Promise<void> {
  const before = await lockDepartment(tx, unitId, id);
  if (before.status === status) return;
  if (status === "DISABLED") {
    const [activeChildren, professionals, admins] = await Promise.all([
      tx.department.count({ where: { parentId: id, status: "ACTIVE" } }),
      tx.professional.count({ where: { departmentId: id } }),
      tx.admin.count({ where: { departmentId: id } }),
    ]);
    checkDisable({ activeChildren, people: professionals + admins });
  } else {
    checkParentActive(before.parentId ? await tx.department.findUnique({ where: { id: before.parentId }, select: { status: true } }) : null);
  }
  await tx.department.update({ where: { id }, data: { status } });
  await recordAudit(tx, actor, {
    action: status === "DISABLED" ? "department.disable" : "department.enable",
    entityType: "department",
    entityId: id,
    unitId,
    before: { name: before.name, status: before.status },
    after: { name: before.name, status },
  });
}
