import { DomainError, ID_LOOKUP_TOO_MANY_MESSAGE } from "@ce/contracts";
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
export const idLookupMessages = { tooMany: ID_LOOKUP_TOO_MANY_MESSAGE } as const;

const lookupKeys = {
  account: (viewer: LookupViewer) => `id-lookup:account:${viewer.accountId}`,
  ip: (viewer: LookupViewer) => `id-lookup:ip:${viewer.clientIp ?? "unknown"}`,
};

/**
 * The viewer's daily budget of lookups by full ID number (contracts idLookupLimits: perAccount per
 * viewer, perIp per address), the one counter every such lookup spends from. `take()` spends one
 * and answers whether it was within both limits; `spent()` answers, without spending, whether
 * the next lookup would be refused.
 */
export function idLookupBudget(deps: Pick<IdentityDeps, "redis">, viewer: LookupViewer) {
  return {
    async take(): Promise<boolean> {
      const perAccount = await hit(deps.redis, lookupKeys.account(viewer), idLookupLimits.perAccount.windowS);
      const perIp = await hit(deps.redis, lookupKeys.ip(viewer), idLookupLimits.perIp.windowS);
      return withinLimit(perAccount, idLookupLimits.perAccount) && withinLimit(perIp, idLookupLimits.perIp);
    },
    async spent(): Promise<boolean> {
      const [perAccount, perIp] = await deps.redis.mget(lookupKeys.account(viewer), lookupKeys.ip(viewer));
      return !withinLimit(Number(perAccount ?? 0) + 1, idLookupLimits.perAccount) || !withinLimit(Number(perIp ?? 0) + 1, idLookupLimits.perIp);
    },
  };
}

/** One pii_access_log row for a lookup by full ID number: who asked, whom it found (null: nobody), why. */
export async function logIdLookup(deps: Pick<IdentityDeps, "db">, viewer: LookupViewer, purpose: string, subjectId: string | null): Promise<void> {
  await deps.db.piiAccessLog.create({
    data: { viewerId: viewer.accountId, subjectId, fields: [ID_LOOKUP_FIELD], purpose, requestId: viewer.requestId },
  });
}

/**
 * The one gate for finding a person by full ID number on a signed-in caller's behalf (login and
 * the neutral self-service forms excepted, see docs/decisions/011): one lookup from
 * idLookupBudget (TOO_MANY_REQUESTS on `idNumber` before anything is looked up when it is spent),
 * and every lookup answered is written to pii_access_log with the person found (or none) and the
 * purpose, so a mask turned into a number by trying its ~33 candidates is both stopped and
 * visible. `find` returns the account found, or null. (批量导入 › 校验 spends from the same budget
 * per registered row: use-cases/import/dry-run.ts.)
 */
export async function lookupByIdNumber<T extends { id: string }>(
  deps: Pick<IdentityDeps, "db" | "redis">,
  viewer: LookupViewer,
  purpose: string,
  find: () => Promise<T | null>,
): Promise<T | null> {
  if (!(await idLookupBudget(deps, viewer).take())) throw new DomainError("TOO_MANY_REQUESTS", idLookupMessages.tooMany, "idNumber");
  const found = await find();
  await logIdLookup(deps, viewer, purpose, found?.id ?? null);
  return found;
}
