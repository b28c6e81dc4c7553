import { calendarDate, DomainError, type GetFormInput, type LearningForm } from "@ce/contracts";
import { activeForm } from "../../db/forms.ts";
import type { HoursDeps } from "../../deps.ts";

/** One form's version in force today (Beijing calendar). Raises DomainError NOT_FOUND on `code` when unknown or not yet in force. */
export async function getForm(deps: HoursDeps, _caller: unknown, { code }: GetFormInput): Promise<LearningForm> {
  const form = await activeForm(deps.db, code, calendarDate(deps.now()));
  if (!form) throw new DomainError("NOT_FOUND", "学习形式不存在", "code");
  return form;
}
