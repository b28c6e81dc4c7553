import { DomainError, type RevealedPii } from "@ce/contracts";
import { prefixFilter } from "@ce/service-kit";
import type { Pii } from "../security/pii.ts";
import type { AuditActor } from "./audit.ts";
import type { Db } from "./client.ts";
import type { ReviewScope } from "./reviews.ts";

/**
 * 显示完整信息: decrypts the asked fields of a professional in the caller's scope and logs the
 * view (who, whom, which fields, why) in the same transaction, so no view goes unrecorded.
 */
export async function revealPii(
  db: Db,
  pii: Pii,
  actor: AuditActor,
  scope: ReviewScope,
  input: { accountId: string; fields: ("idNumber" | "phone")[]; purpose?: string | undefined },
): Promise<RevealedPii> {
  if (!actor.accountId) throw new DomainError("UNAUTHORIZED", "请先登录");
  const viewerId = actor.accountId;
  return db.$transaction(async (tx) => {
    const row = await tx.professional.findFirst({
      where: { accountId: input.accountId, unit: { path: prefixFilter(scope.scopePath) } },
      select: { account: { select: { idNumberEnc: true, phoneEnc: true } } },
    });
    if (!row) throw new DomainError("NOT_FOUND", "人员不存在或不在本单位管辖范围内");
    const fields = [...new Set(input.fields)];
    await tx.piiAccessLog.create({ data: { viewerId, subjectId: input.accountId, fields, purpose: input.purpose || null, requestId: actor.requestId } });
    const out: RevealedPii = {};
    if (fields.includes("idNumber")) out.idNumber = pii.decrypt(row.account.idNumberEnc);
    if (fields.includes("phone")) out.phone = row.account.phoneEnc ? pii.decrypt(row.account.phoneEnc) : null;
    return out;
  });
}
