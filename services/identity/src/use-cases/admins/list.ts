import type { AdminCandidate, AdminCandidatesInput, AdminOptions, AdminRow, ListAdminsInput, Page } from "@ce/contracts";
import { adminCandidates, adminOptions, listAdmins } from "../../db/admins.ts";
import type { IdentityDeps } from "../../deps.ts";
import { type Caller, ownUnit } from "../scope.ts";

/** 管理单位管理员: one page of the admins of the caller's own unit. */
export function unitAdmins(deps: IdentityDeps, caller: Caller, input: ListAdminsInput): Promise<Page<AdminRow>> {
  return listAdmins(deps.db, ownUnit(caller.principal), input);
}

/** The departments and roles of the caller's unit that the admin forms offer. */
export function unitAdminOptions(deps: IdentityDeps, caller: Caller): Promise<AdminOptions> {
  return adminOptions(deps.db, ownUnit(caller.principal));
}

/**
 * 添加成为管理员 › 选择: one page of the approved professionals of the caller's unit who are not
 * admins yet, by part of the name; `total` counts every match (it stopped at 20 without a word).
 */
export function unitAdminCandidates(deps: IdentityDeps, caller: Caller, input: AdminCandidatesInput): Promise<Page<AdminCandidate>> {
  return adminCandidates(deps.db, ownUnit(caller.principal), input);
}
