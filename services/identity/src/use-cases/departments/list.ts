import type { DepartmentNode } from "@ce/contracts";
import { listDepartments } from "../../db/departments.ts";
import type { IdentityDeps } from "../../deps.ts";
import { type Caller, ownUnit } from "../scope.ts";

/** 管理内设部门: the caller's unit's department tree in display order, filtered by name. */
export function unitDepartments(deps: IdentityDeps, caller: Caller, input: { name?: string | undefined }): Promise<DepartmentNode[]> {
  return listDepartments(deps.db, ownUnit(caller.principal), input.name);
}
