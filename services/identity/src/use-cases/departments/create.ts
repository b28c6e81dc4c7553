import { randomUUID } from "node:crypto";
import { type CreateDepartmentInput, DomainError } from "@ce/contracts";
import { auditActor, recordAudit } from "../../db/audit.ts";
import { insertDepartment, lockDepartment } from "../../db/departments.ts";
import type { IdentityDeps } from "../../deps.ts";
import { checkParentActive, departmentMessages } from "../../domain/departments.ts";
import { type Caller, ownUnit } from "../scope.ts";

/**
 * 管理内设部门 › 新增: a department of the caller's unit, under an active parent of the same unit
 * (domain checkParentActive) or at the top; audit `department.create`. Raises DomainError
 * NOT_FOUND on `parentId` for a parent not of the unit, CONFLICT on `name` for a sibling's name.
 */
export async function createDepartment(deps: IdentityDeps, caller: Caller, input: CreateDepartmentInput): Promise<{ id: string }> {
  const unitId = ownUnit(caller.principal);
  return deps.db.$transaction(async (tx) => {
    const parent = input.parentId ? await lockDepartment(tx, unitId, input.parentId) : null;
    if (input.parentId && !parent) throw new DomainError("NOT_FOUND", "上级部门不存在", "parentId");
    checkParentActive(parent);
    const id = randomUUID();
    const data = { id, unitId, parentId: parent?.id ?? null, name: input.name, sortOrder: input.sortOrder, path: `${parent?.path ?? "/"}${id}/` };
    if (!(await insertDepartment(tx, data))) throw new DomainError("CONFLICT", departmentMessages.nameTaken, "name");
    await recordAudit(tx, auditActor(caller), {
      action: "department.create",
      entityType: "department",
      entityId: id,
      unitId,
      after: { name: input.name, parent: parent?.name ?? null, sortOrder: input.sortOrder },
    });
    return { id };
  });
}
