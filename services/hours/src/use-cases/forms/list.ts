import { calendarDate, type LearningForm } from "@ce/contracts";
import { activeForms } from "../../db/forms.ts";
import type { HoursDeps } from "../../deps.ts";

/**
 * Every form's version in force today, in the catalog's order (anyone signed in declares or
 * reviews with it). "Today" is the Beijing calendar date: a version effective 2026-01-01 is in
 * force from 2026-01-01 00:00 Beijing time.
 */
export function listForms(deps: HoursDeps): Promise<LearningForm[]> {
  return activeForms(deps.db, calendarDate(deps.now()));
}
