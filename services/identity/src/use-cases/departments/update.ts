import { DomainError, type UpdateDepartmentInput, unchangedFields } from "@ce/contracts";
import { auditActor, recordAudit } from "../../db/audit.ts";
import { lockDepartment, saveDepartment } from "../../db/departments.ts";
import type { IdentityDeps } from "../../deps.ts";
import { departmentMessages } from "../../domain/departments.ts";
import { type Caller, ownUnit } from "../scope.ts";

/**
 * 管理内设部门 › 修改: renames and reorders a department of the caller's unit; audit
 * `department.update`; saved unchanged (contracts unchangedFields), nothing is written. Raises
 * DomainError NOT_FOUND on `id` outside the unit, CONFLICT on `name`.
 */
export async function updateDepartment(deps: IdentityDeps, caller: Caller, input: UpdateDepartmentInput): Promise<void> {
  const unitId = ownUnit(caller.principal);
  await deps.db.$transaction(async (tx) => {
    const before = await lockDepartment(tx, unitId, input.id);
    if (!before) throw new DomainError("NOT_FOUND", departmentMessages.notFound, "id");
    const after = { name: input.name, sortOrder: input.sortOrder };
    if (unchangedFields(before, after)) return;
    if (!(await saveDepartment(tx, input.id, after))) {
      throw new DomainError("CONFLICT", departmentMessages.nameTaken, "name");
    }
    await recordAudit(tx, auditActor(caller), {
      action: "department.update",
      entityType: "department",
      entityId: input.id,
      unitId,
      before: { name: before.name, sortOrder: before.sortOrder },
      after,
    });
  });
}
