import { calendarDate, DomainError, type LearningForm, type UpdateFormInput } from "@ce/contracts";
import { addFormVersion } from "../../db/forms.ts";
import type { HoursDeps } from "../../deps.ts";
import { recordAudit } from "../../events/audit.ts";
import type { Caller } from "../caller.ts";

/** What 操作日志 shows of a form version. */
const versionValues = (f: LearningForm) => ({ name: f.name, effectiveFrom: f.effectiveFrom, hint: f.hint, subjects: f.subjects, rule: f.rule });

/**
 * 学习形式 修改: adds a version of a form effective from `input.effectiveFrom` (a Beijing calendar
 * date); older versions and the declarations using them stay as they were. Only the province (a
 * department with no superior, decided once at login by isProvinceUnit) edits the catalog. Raises
 * DomainError FORBIDDEN for anyone else, BAD_REQUEST on `effectiveFrom` before today, NOT_FOUND on `code`.
 * Audit `learningForm.update` (the version before and the new one) for 操作日志.
 */
export async function updateForm(deps: HoursDeps, caller: Caller, input: UpdateFormInput): Promise<LearningForm> {
  const { principal } = caller;
  if (!principal.isProvince) throw new DomainError("FORBIDDEN", "只有省级主管部门可以修改学习形式");
  // A version starting in the past would change how already-submitted claims read.
  if (input.effectiveFrom < calendarDate(deps.now())) throw new DomainError("BAD_REQUEST", "生效日期不能早于今天", "effectiveFrom");
  const added = await deps.db.$transaction(async (tx) => {
    const versions = await addFormVersion(tx, input, principal.accountId);
    if (!versions) return null;
    const { form, previous } = versions;
    await recordAudit(tx, caller, {
      action: "learningForm.update",
      entityType: "learningForm",
      entityId: form.code,
      unitId: principal.unitId,
      before: previous && versionValues(previous),
      after: versionValues(form),
    });
    return form;
  });
  if (!added) throw new DomainError("NOT_FOUND", "学习形式不存在", "code");
  return added;
}
