import { type DepartmentStatus, DomainError } from "@ce/contracts";
import { auditActor, recordAudit } from "../../db/audit.ts";
import { departmentStatus, departmentUsage, lockDepartment, updateDepartmentStatus } from "../../db/departments.ts";
import type { IdentityDeps } from "../../deps.ts";
import { checkDisable, checkParentActive, departmentMessages } from "../../domain/departments.ts";
import { type Caller, ownUnit } from "../scope.ts";

/**
 * 管理内设部门 › 停用 / 启用: a department is disabled only without active children or people in
 * it (domain checkDisable) and enabled only under an active parent (checkParentActive); audit
 * `department.disable|enable`; no change, no audit. Raises DomainError NOT_FOUND on `id` outside the unit.
 */
export async function setDepartmentStatus(deps: IdentityDeps, caller: Caller, input: { id: string; status: DepartmentStatus }): Promise<void> {
  const unitId = ownUnit(caller.principal);
  const { id, status } = input;
  await deps.db.$transaction(async (tx) => {
    const before = await lockDepartment(tx, unitId, id);
    if (!before) throw new DomainError("NOT_FOUND", departmentMessages.notFound, "id");
    if (before.status === status) return;
    if (status === "DISABLED") checkDisable(await departmentUsage(tx, id));
    else checkParentActive(before.parentId ? await departmentStatus(tx, before.parentId) : null);
    await updateDepartmentStatus(tx, id, status);
    await recordAudit(tx, auditActor(caller), {
      action: status === "DISABLED" ? "department.disable" : "department.enable",
      entityType: "department",
      entityId: id,
      unitId,
      before: { name: before.name, status: before.status },
      after: { name: before.name, status },
    });
  });
}
