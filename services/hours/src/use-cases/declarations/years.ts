import type { HoursDeps } from "../../deps.ts";
import { allowedYears } from "../../domain/declaration.ts";

/** 计入年度 choices on the Beijing calendar, newest first: this year and `deps.yearsBack` before it (DECLARATION_YEARS_BACK). */
export function declarationYears(deps: HoursDeps): number[] {
  return allowedYears(deps.now(), deps.yearsBack);
}
