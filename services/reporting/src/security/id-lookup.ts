import { DomainError, ID_LOOKUP_TOO_MANY_MESSAGE, idLookupLimits } from "@ce/contracts";
import type { ReportingDeps } from "../deps.ts";

/** Who searches by full 证件号: a signed-in account, from an address the portal vouched for (null otherwise). */
export interface LookupViewer {
  accountId: string;
  clientIp: string | null;
  requestId: string | null;
  /**
   * An API token's own budget of lookups per day (its 证件号查询上限（次/日）, set by the super admin
   * who made it): replaces idLookupLimits for this viewer, per-address limit included — a
   * title-review system calls from one address on behalf of many reviews.
   */
  perDay?: number;
}

/** Lookups refused for the budget; `retryAfterS` until the oldest counted lookup leaves the window (the answer's Retry-After). */
export class LookupBudgetError extends DomainError {
  constructor(readonly retryAfterS: number) {
    super("TOO_MANY_REQUESTS", ID_LOOKUP_TOO_MANY_MESSAGE, "idNumber");
  }
}

/**
 * The one gate for finding people by a full 证件号 in reporting (专业技术人员信息查询 and 学习记录验证
 * with 证件号 typed), the same rule as identity's (contracts idLookupLimits, issue 8 fault 2): at
 * most `perAccount` lookups per viewer and `perIp` per address in the window, counted in
 * reporting.id_lookup_log — reporting's Redis user may only read sessions (ADR 009), so the log is
 * the counter; an API token counts against its own `perDay` instead (no per-address limit). Over
 * the budget: LookupBudgetError (DomainError TOO_MANY_REQUESTS on `idNumber`, with the seconds
 * until a lookup frees) before anything is looked up. Otherwise the lookup is logged (viewer, address, purpose, request id) in the same
 * transaction that counted it, `find` runs, and the accounts it found (`foundIds`) are added to the
 * row — so a mask turned into a number by trying its candidates is both stopped and visible. The
 * number itself is never stored or logged.
 */
export async function lookupByIdNumber<T>(
  deps: Pick<ReportingDeps, "db" | "now">,
  viewer: LookupViewer,
  purpose: string,
  find: () => Promise<T>,
  foundIds: (found: T) => string[],
): Promise<T> {
  const at = deps.now();
  const perAccount = viewer.perDay === undefined ? idLookupLimits.perAccount : { max: viewer.perDay, windowS: 24 * 3600 };
  const since = new Date(at.getTime() - perAccount.windowS * 1000);
  const sinceIp = new Date(at.getTime() - idLookupLimits.perIp.windowS * 1000);
  const perIpMax = viewer.perDay === undefined ? idLookupLimits.perIp.max : Number.POSITIVE_INFINITY;
  const logged = await deps.db.$transaction(async (tx): Promise<{ refused: number } | { id: bigint }> => {
    // One viewer's lookups are counted one at a time, so parallel requests cannot all pass.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`reporting:id-lookup:${viewer.accountId}`}))`;
    const [row] = await tx.$queryRaw<Array<{ byAccount: number; byIp: number; oldestByAccount: Date | null; oldestByIp: Date | null }>>`
      SELECT count(*) FILTER (WHERE viewer_id = ${viewer.accountId}::uuid AND occurred_at > ${since})::int AS "byAccount",
             count(*) FILTER (WHERE client_ip IS NOT DISTINCT FROM ${viewer.clientIp} AND occurred_at > ${sinceIp})::int AS "byIp",
             min(occurred_at) FILTER (WHERE viewer_id = ${viewer.accountId}::uuid AND occurred_at > ${since}) AS "oldestByAccount",
             min(occurred_at) FILTER (WHERE client_ip IS NOT DISTINCT FROM ${viewer.clientIp} AND occurred_at > ${sinceIp}) AS "oldestByIp"
      FROM reporting.id_lookup_log
      WHERE occurred_at > ${since < sinceIp ? since : sinceIp}
        AND (viewer_id = ${viewer.accountId}::uuid OR client_ip IS NOT DISTINCT FROM ${viewer.clientIp})`;
    const frees = (oldest: Date | null | undefined, windowS: number) =>
      Math.max(1, Math.ceil(((oldest ?? at).getTime() + windowS * 1000 - at.getTime()) / 1000));
    if ((row?.byAccount ?? 0) >= perAccount.max) return { refused: frees(row?.oldestByAccount, perAccount.windowS) };
    if ((row?.byIp ?? 0) >= perIpMax) return { refused: frees(row?.oldestByIp, idLookupLimits.perIp.windowS) };
    const created = await tx.idLookupLog.create({
      data: { occurredAt: at, viewerId: viewer.accountId, clientIp: viewer.clientIp, purpose, requestId: viewer.requestId },
      select: { id: true },
    });
    return { id: created.id };
  });
  if ("refused" in logged) throw new LookupBudgetError(logged.refused);
  const logId = logged.id;
  const found = await find();
  const ids = foundIds(found);
  if (ids.length > 0) await deps.db.idLookupLog.update({ where: { id: logId }, data: { found: ids } });
  return found;
}
