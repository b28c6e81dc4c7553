import type { Me } from "@ce/contracts";
import type { IdentityDeps } from "../../deps.ts";
import type { Caller } from "../scope.ts";

/**
 * auth.me: who the session is, as the portal reads it once per request — the principal's name,
 * user type, unit, permissions and whether the password must be changed (not its session id,
 * scope path or timestamps). Reads nothing: the session's principal is the answer.
 */
export function signedInAs(_deps: IdentityDeps, caller: Caller): Me {
  const p = caller.principal;
  return {
    accountId: p.accountId,
    name: p.name,
    userType: p.userType,
    unitId: p.unitId,
    unitName: p.unitName,
    unitKind: p.unitKind,
    unitDepth: p.unitDepth,
    isProvince: p.isProvince,
    isSuperAdmin: p.isSuperAdmin,
    permissions: p.permissions,
    mustChangePassword: p.mustChangePassword,
  };
}
