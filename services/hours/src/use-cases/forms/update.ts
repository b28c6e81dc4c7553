import { calendarDate, DomainError, type LearningForm, type UpdateFormInput } from "@ce/contracts";
import { addFormVersion } from "../../db/forms.ts";
import type { HoursDeps } from "../../deps.ts";
import type { Caller } from "../caller.ts";

/**
 * 学习形式 修改: adds a version of a form effective from `input.effectiveFrom` (a Beijing calendar
 * date); older versions and the declarations using them stay as they were. Only the province (a
 * department with no superior, decided once at login by isProvinceUnit) edits the catalog. Raises
 * DomainError FORBIDDEN for anyone else, BAD_REQUEST on `effectiveFrom` before today, NOT_FOUND on `code`.
 */
export async function updateForm(deps: HoursDeps, { principal }: Caller, input: UpdateFormInput): Promise<LearningForm> {
  if (!principal.isProvince) throw new DomainError("FORBIDDEN", "只有省级主管部门可以修改学习形式");
  // A version starting in the past would change how already-submitted claims read.
  if (input.effectiveFrom < calendarDate(deps.now())) throw new DomainError("BAD_REQUEST", "生效日期不能早于今天", "effectiveFrom");
  const form = await deps.db.$transaction((tx) => addFormVersion(tx, input, principal.accountId));
  if (!form) throw new DomainError("NOT_FOUND", "学习形式不存在", "code");
  return form;
}
