import { DomainError, type RevealedPii } from "@ce/contracts";
import { encryptedPii, logPiiAccess } from "../../db/pii-access.ts";
import type { IdentityDeps } from "../../deps.ts";
import { type Caller, reviewScope } from "../scope.ts";

/**
 * 显示完整信息: decrypts the asked fields (idNumber, phone) of a professional in the caller's
 * subtree and logs the view (who, whom, which fields, why) in the same transaction, so no view
 * goes unrecorded. Raises DomainError NOT_FOUND outside scope.
 */
export async function revealPii(
  deps: IdentityDeps,
  caller: Caller,
  input: { accountId: string; fields: ("idNumber" | "phone")[]; purpose?: string | undefined },
): Promise<RevealedPii> {
  const scope = reviewScope(caller.principal);
  const viewerId = caller.principal.accountId;
  return deps.db.$transaction(async (tx) => {
    const row = await encryptedPii(tx, scope.scopePath, input.accountId);
    if (!row) throw new DomainError("NOT_FOUND", "人员不存在或不在本单位管辖范围内");
    const fields = [...new Set(input.fields)];
    await logPiiAccess(tx, { viewerId, subjectId: input.accountId, fields, purpose: input.purpose || null, requestId: caller.requestId });
    const out: RevealedPii = {};
    if (fields.includes("idNumber")) out.idNumber = deps.pii.decrypt(row.account.idNumberEnc);
    if (fields.includes("phone")) out.phone = row.account.phoneEnc ? deps.pii.decrypt(row.account.phoneEnc) : null;
    return out;
  });
}
