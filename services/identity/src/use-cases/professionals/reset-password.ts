import { DomainError, type TemporaryPassword } from "@ce/contracts";
import type { z } from "zod";
import { invalidateResetTokens } from "../../auth/reset-tokens.ts";
import { revokeSessions } from "../../auth/sessions.ts";
import { setPassword } from "../../db/accounts.ts";
import { auditActor, recordAudit } from "../../db/audit.ts";
import { professionalInScope } from "../../db/professionals.ts";
import type { IdentityDeps } from "../../deps.ts";
import { temporaryPassword } from "../../domain/admins.ts";
import { hashPassword } from "../../security/passwords.ts";
import { credentialControllerOf, guardCredentialControl } from "../credentials.ts";
import { type Caller, reviewScope } from "../scope.ts";

/**
 * 专业技术人员信息查询 › 重置密码 (guide §3.9): a professional of a unit in the caller's subtree gets a
 * temporary password, shown once to the caller and stored only as an argon2id hash; the person
 * must choose their own at the next sign-in (must_change_password), their reset links and sessions
 * end; audit `professional.resetPassword` (no password in it). Raises DomainError NOT_FOUND for a
 * person outside the caller's subtree (or no person at all), FORBIDDEN (on `accountId`,
 * guardCredentialControl) when the account also holds an admin grant outside the subtree, of the
 * caller's own unit (unless the caller is its super admin), or is the caller's own.
 */
export async function resetProfessionalPassword(deps: IdentityDeps, caller: Caller, input: { accountId: string }): Promise<z.infer<typeof TemporaryPassword>> {
  const scope = reviewScope(caller.principal);
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  await deps.db.$transaction(async (tx) => {
    const person = await professionalInScope(tx, scope.scopePath, input.accountId);
    if (!person) throw new DomainError("NOT_FOUND", "人员不存在或不在本单位管辖范围内");
    await guardCredentialControl(tx, credentialControllerOf(caller.principal), input.accountId, {
      field: "accountId",
      notFound: "人员不存在或不在本单位管辖范围内",
    });
    await setPassword(tx, input.accountId, passwordHash, { temporary: true });
    await recordAudit(tx, auditActor(caller), {
      action: "professional.resetPassword",
      entityType: "professional",
      entityId: input.accountId,
      unitId: person.unitId,
      before: { name: person.name },
      after: { name: person.name },
    });
  });
  await invalidateResetTokens(deps.redis, input.accountId);
  await revokeSessions(deps.redis, input.accountId);
  return { temporaryPassword: password };
}
