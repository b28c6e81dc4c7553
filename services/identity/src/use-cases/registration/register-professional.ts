import type { RegisterProfessionalInput, RegistrationResult } from "@ce/contracts";
import { profileOf } from "@ce/contracts";
import type { z } from "zod";
import { createProfessional, replaceProfessional } from "../../db/accounts.ts";
import { auditNames, recordAudit } from "../../db/audit.ts";
import type { Tx } from "../../db/client.ts";
import { chosenDepartment, chosenUnit, registeredProfessional } from "../../db/registration.ts";
import type { IdentityDeps } from "../../deps.ts";
import { checkChosenDepartment, checkChosenUnit, professionalUnitKinds } from "../../domain/registration.ts";
import { eventMeta, publishProfessional } from "../../events/professionals.ts";
import { register, type Visitor } from "./register.ts";

/**
 * 专业技术人员注册 → Account + Professional PENDING (audit `professional.register`, event
 * professional.registered) in one transaction, through register() (rate limit, captcha, the
 * neutral answer for a registered ID number). A registration 驳回ed earlier under the same ID number
 * is replaced: the same account, its profile PENDING again under the newly chosen unit (audit
 * `professional.register` with the rejected one as `before`; professional.registered with the
 * next version, which the replicas apply as a newer snapshot). Raises DomainError BAD_REQUEST on `unitId` for a
 * unit that is not an approved employer, CE base or authority (请选择有效的所在单位), on
 * `departmentId` for a 工作部门 not active in that unit.
 */
export async function registerProfessional(
  deps: IdentityDeps,
  visitor: Visitor,
  input: z.output<typeof RegisterProfessionalInput>,
): Promise<RegistrationResult> {
  return register(deps, visitor, input, "PROFESSIONAL", input.unitId, async (tx, applicant) => {
    checkChosenUnit(await chosenUnit(tx, input.unitId), professionalUnitKinds, "unitId", "所在单位");
    if (input.departmentId) checkChosenDepartment(await chosenDepartment(tx, input.departmentId), input.unitId);
    const account = await applicant.createAccount(input.unitId);
    const profile = { ...profileOf(input), departmentId: input.departmentId ?? null };
    // The rejected registration's details (its 驳回原因 included) stay in the trail of the unit that
    // rejected it; another unit's trail only says a rejected registration was replaced.
    const before = !account.replaces
      ? undefined
      : account.replaces.unitId === input.unitId
        ? await rejectedValues(tx, account.id, account.replaces.name)
        : { status: "REJECTED" };
    await (account.replaces ? replaceProfessional : createProfessional)(tx, { accountId: account.id, unitId: input.unitId, status: "PENDING", ...profile });
    await recordAudit(tx, applicant.actor(account.id), {
      action: "professional.register",
      entityType: "professional",
      entityId: account.id,
      unitId: input.unitId,
      ...(before ? { before } : {}),
      after: { name: input.name, status: "PENDING", ...profileOf(input), department: await auditNames.department(tx, input.departmentId) },
    });
    await publishProfessional(tx, "professionalRegistered", account.id, eventMeta(visitor));
    return { accountId: account.id, unitId: input.unitId };
  });
}

/** The rejected registration being replaced, as its audit `before`: name, status, 驳回原因, profile, unit and department. */
async function rejectedValues(tx: Tx, accountId: string, name: string) {
  const row = await registeredProfessional(tx, accountId);
  return {
    name,
    status: row.status,
    reason: row.reviewReason,
    ...profileOf(row),
    unit: await auditNames.unit(tx, row.unitId),
    department: await auditNames.department(tx, row.departmentId),
  };
}
