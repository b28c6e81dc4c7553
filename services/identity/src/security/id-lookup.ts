import { DomainError } from "@ce/contracts";
import { hit } from "../auth/rate-limit.ts";
import type { IdentityDeps } from "../deps.ts";
import { idLookupLimits, withinLimit } from "../domain/lockout.ts";

/** Who asks whether an ID number is registered: a signed-in account, from an address. */
export interface LookupViewer {
  accountId: string;
  clientIp: string | null;
  requestId: string | null;
}

export const ID_LOOKUP_FIELD = "idNumberLookup";
export const idLookupMessages = { tooMany: "证件号查询过于频繁，请明天再试" } as const;

/**
 * The one gate for finding a person by full ID number on a signed-in caller's behalf (login and
 * the neutral self-service forms excepted, see docs/decisions/011): at most
 * `idLookupLimits.perAccount` lookups per viewer and `perIp` per address a day (TOO_MANY_REQUESTS
 * before anything is looked up), and every lookup answered is written to pii_access_log with the
 * person found (or none) and the purpose, so a mask turned into a number by trying its ~33
 * candidates is both stopped and visible. `find` returns the account found, or null.
 */
export async function lookupByIdNumber<T extends { id: string }>(
  deps: Pick<IdentityDeps, "db" | "redis">,
  viewer: LookupViewer,
  purpose: string,
  find: () => Promise<T | null>,
): Promise<T | null> {
  const perAccount = await hit(deps.redis, `id-lookup:account:${viewer.accountId}`, idLookupLimits.perAccount.windowS);
  const perIp = await hit(deps.redis, `id-lookup:ip:${viewer.clientIp ?? "unknown"}`, idLookupLimits.perIp.windowS);
  if (!withinLimit(perAccount, idLookupLimits.perAccount) || !withinLimit(perIp, idLookupLimits.perIp)) {
    throw new DomainError("TOO_MANY_REQUESTS", idLookupMessages.tooMany, "idNumber");
  }
  const found = await find();
  await deps.db.piiAccessLog.create({
    data: { viewerId: viewer.accountId, subjectId: found?.id ?? null, fields: [ID_LOOKUP_FIELD], purpose, requestId: viewer.requestId },
  });
  return found;
}
