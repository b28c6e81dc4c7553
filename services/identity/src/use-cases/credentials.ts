import { DomainError, type Principal } from "@ce/contracts";
import type { Tx } from "../db/client.ts";
import { lockCredentialHoldings } from "../db/credentials.ts";
import { assertMayControlCredentials, type CredentialController } from "../domain/credentials.ts";

/**
 * The credential controller a signed-in session stands for: its account, its own unit and that
 * unit's path, super or not. Raises DomainError FORBIDDEN (当前账户没有所属单位) for a caller
 * without a unit (a professional).
 */
export function credentialControllerOf(principal: Pick<Principal, "accountId" | "unitId" | "scopePath" | "isSuperAdmin">): CredentialController {
  if (!principal.unitId || !principal.scopePath) throw new DomainError("FORBIDDEN", "当前账户没有所属单位");
  return { accountId: principal.accountId, unitId: principal.unitId, unitPath: principal.scopePath, isSuper: principal.isSuperAdmin };
}

/**
 * The one guard of every path that sets, resets or ends another account's credentials
 * (专业技术人员信息查询 › 重置密码, 管理员 › 重置密码; docs/security.md › Credential control): locks
 * the account, reads every admin grant and professional record it holds and applies domain
 * mayControlCredentials. Call it inside the transaction that writes. Raises DomainError
 * NOT_FOUND (`notFound`, on `field`) when there is no such account, FORBIDDEN
 * (credentialMessages.refused, on `field`) when the caller may not control it.
 */
export async function guardCredentialControl(
  tx: Tx,
  caller: CredentialController,
  accountId: string,
  opts: { field: string; notFound: string },
): Promise<void> {
  const holdings = await lockCredentialHoldings(tx, accountId);
  if (!holdings) throw new DomainError("NOT_FOUND", opts.notFound, opts.field);
  assertMayControlCredentials(caller, holdings, opts.field);
}
