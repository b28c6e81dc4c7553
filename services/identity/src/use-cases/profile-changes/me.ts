import { DomainError, type MyProfile } from "@ce/contracts";
import { myProfile } from "../../db/profile-changes.ts";
import type { IdentityDeps } from "../../deps.ts";
import type { Caller } from "../scope.ts";
import { ownAccount } from "./own-account.ts";

/** 人员信息修改: the caller's own profile (masked) and the departments they may pick. Raises DomainError FORBIDDEN for a non-professional. */
export async function ownProfile(deps: IdentityDeps, caller: Caller): Promise<MyProfile> {
  const profile = await myProfile(deps.db, ownAccount(caller.principal));
  if (!profile) throw new DomainError("FORBIDDEN", "当前账户不是专业技术人员");
  return profile;
}
