import type { DepartmentOption, PublicDepartmentsInput, SearchUnitsInput, UnitOption } from "@ce/contracts";
import type { z } from "zod";
import { activeDepartmentOptions, approvedUnitOptions } from "../../db/registration.ts";
import type { IdentityDeps } from "../../deps.ts";

/** 注册 › 所在单位 / 上级主管部门 picker (public: any caller, none signed in): approved units of the asked kinds, by name. */
export function searchUnits(deps: IdentityDeps, _caller: unknown, input: z.output<typeof SearchUnitsInput>): Promise<UnitOption[]> {
  return approvedUnitOptions(deps.db, input);
}

/** 注册 › 工作部门 choices (public: any caller): the active departments of an approved unit; none for any other id. */
export function publicDepartments(deps: IdentityDeps, _caller: unknown, input: PublicDepartmentsInput): Promise<DepartmentOption[]> {
  return activeDepartmentOptions(deps.db, input.unitId);
}
