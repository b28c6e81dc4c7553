import type { RegisterEmployerInput, RegistrationResult } from "@ce/contracts";
import type { z } from "zod";
import { createAdmin, moveSuperAdmin, superiorOf, unitRejectionReason } from "../../db/accounts.ts";
import { auditNames, recordAudit } from "../../db/audit.ts";
import { chosenUnit } from "../../db/registration.ts";
import type { IdentityDeps } from "../../deps.ts";
import { checkChosenUnit } from "../../domain/registration.ts";
import { eventMeta } from "../../events/professionals.ts";
import { createUnit } from "../units/write.ts";
import { register, type Visitor } from "./register.ts";

/**
 * 用人单位注册 → Unit PENDING (unit.created) with the applicant's account as its super admin, audit
 * `unit.register`, in one transaction through register() (rate limit, captcha, the neutral answer
 * for a registered ID number). An applicant whose earlier 用人单位注册 was 不通过 registers anew
 * with the same ID number: the same account becomes the super admin of the new PENDING unit, and
 * the rejected unit stays REJECTED (with its audit trail) with no admin. Raises DomainError BAD_REQUEST on `superiorId` for a superior that
 * is not an approved authority (请选择有效的上级主管部门), createUnit's refusals (CONFLICT on `code`
 * for a registered code).
 */
export async function registerEmployer(deps: IdentityDeps, visitor: Visitor, input: z.output<typeof RegisterEmployerInput>): Promise<RegistrationResult> {
  return register(deps, visitor, input, "EMPLOYER", null, async (tx, applicant) => {
    checkChosenUnit(await chosenUnit(tx, input.superiorId), ["AUTHORITY"], "superiorId", "上级主管部门");
    const unit = await createUnit(
      tx,
      {
        name: input.unitName,
        kind: "EMPLOYER",
        nature: input.nature,
        industry: input.industry,
        region: input.region,
        code: input.code,
        codeConfirmed: input.codeConfirmed,
        superiorId: input.superiorId,
        status: "PENDING",
        trainingLevel: null,
      },
      eventMeta(visitor),
    );
    const account = await applicant.createAccount(unit.unitId);
    if (account.replaces) await moveSuperAdmin(tx, account.id, unit.unitId);
    else await createAdmin(tx, { accountId: account.id, unitId: unit.unitId, isSuper: true });
    const { name, nature, industry, region, code, superiorId, status } = unit;
    await recordAudit(tx, applicant.actor(account.id), {
      action: "unit.register",
      entityType: "unit",
      entityId: unit.unitId,
      unitId: unit.unitId,
      ...(account.replaces
        ? {
            // The 不通过 reason only where the same superior reviews again; another superior's trail
            // learns that a rejected registration of this applicant was replaced, not why it was refused.
            before: {
              unit: await auditNames.unit(tx, account.replaces.unitId),
              status: "REJECTED",
              ...((await superiorOf(tx, account.replaces.unitId)) === superiorId ? { reason: await unitRejectionReason(tx, account.replaces.unitId) } : {}),
            },
          }
        : {}),
      after: { name, nature, industry, region, code, superior: await auditNames.unit(tx, superiorId), status },
    });
    return { accountId: account.id, unitId: unit.unitId };
  });
}
