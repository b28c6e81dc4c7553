import type { ListRolesInput, Page, RoleRow } from "@ce/contracts";
import { listRoles } from "../../db/roles.ts";
import type { IdentityDeps } from "../../deps.ts";
import { type Caller, ownUnit } from "../scope.ts";

/** 角色管理: one page of the caller's unit's roles, filtered by name. */
export function unitRoles(deps: IdentityDeps, caller: Caller, input: ListRolesInput): Promise<Page<RoleRow>> {
  return listRoles(deps.db, ownUnit(caller.principal), input);
}
