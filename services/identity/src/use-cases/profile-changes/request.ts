import { DomainError, profileOf, type RequestProfileChangeInput } from "@ce/contracts";
import type { z } from "zod";
import { activeDepartmentOf } from "../../db/admins.ts";
import { auditActor, recordAudit } from "../../db/audit.ts";
import { insertProfileChange, professionalWithAccount } from "../../db/profile-changes.ts";
import type { IdentityDeps } from "../../deps.ts";
import { diffProfile } from "../../domain/profile-changes.ts";
import type { Caller } from "../scope.ts";
import { ownAccount } from "./own-account.ts";

/**
 * 人员信息修改 › 提交: stores the fields that differ from the approved profile (domain diffProfile;
 * a new phone number kept encrypted) as one request for the unit's admins; audit
 * `profileChange.request`. Raises DomainError FORBIDDEN unless the caller is an approved
 * professional, BAD_REQUEST on `departmentId` for a department not of their unit, CONFLICT when a
 * request is already pending.
 */
export async function requestProfileChange(deps: IdentityDeps, caller: Caller, input: z.output<typeof RequestProfileChangeInput>): Promise<{ id: string }> {
  const accountId = ownAccount(caller.principal);
  return deps.db.$transaction(async (tx) => {
    const p = await professionalWithAccount(tx, accountId);
    if (p?.status !== "APPROVED") throw new DomainError("FORBIDDEN", "只有审核通过的专业技术人员可以修改信息");
    if (input.departmentId && !(await activeDepartmentOf(tx, p.unitId, input.departmentId))) {
      throw new DomainError("BAD_REQUEST", "请选择所在单位的工作部门", "departmentId");
    }
    const current = {
      name: p.account.name,
      phone: null,
      phoneMasked: p.account.phoneMasked,
      email: p.account.email,
      departmentId: p.departmentId,
      ...profileOf(p),
    };
    const changes = diffProfile(current, input, (plain) => deps.pii.encrypt(plain));
    const id = await insertProfileChange(tx, { accountId, unitId: p.unitId, changes });
    if (!id) throw new DomainError("CONFLICT", "您有一条人员信息修改正在审核中，请等待审核后再提交");
    await recordAudit(tx, auditActor(caller), {
      action: "profileChange.request",
      entityType: "profileChangeRequest",
      entityId: id,
      unitId: p.unitId,
      after: { fields: Object.keys(changes) },
    });
    return { id };
  });
}
