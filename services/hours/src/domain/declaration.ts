import { calendarYear, type DeclareInput, DomainError, daysSpanned, type LearningForm, notAfterToday, parseTypedDecimal, subjectLabels } from "@ce/contracts";
import { type ComputedHours, computeHours } from "./hour-rules.ts";

/** The largest figure a learning form's number field takes (天数, 门数): a typo such as 1e9 is refused, not capped. */
export const MAX_FORM_NUMBER = 1000;

/**
 * A learning form's number field as typed (contracts parseTypedDecimal: "１２" → 12; "0x10", "1e1"
 * are no numbers): greater than 0, at most MAX_FORM_NUMBER, whole for 门数 (`items`), in half days
 * for 天数 (`days`), and 天数 no more than the days 起止时间 spans (2026-03-01…2026-03-01 is 1 day).
 * Raises DomainError BAD_REQUEST on `details.<key>` naming the field.
 */
function checkFormNumber(field: { key: string; label: string }, value: unknown, claim: Pick<Claim, "startDate" | "endDate">): void {
  const at = `details.${field.key}`;
  const n = parseTypedDecimal(value);
  if (n === null || !(n > 0)) throw new DomainError("BAD_REQUEST", `${field.label}须为大于0的数字`, at);
  if (n > MAX_FORM_NUMBER) throw new DomainError("BAD_REQUEST", `${field.label}不能大于${MAX_FORM_NUMBER}`, at);
  if (field.key === "items" && !Number.isInteger(n)) throw new DomainError("BAD_REQUEST", `${field.label}须为整数`, at);
  if (field.key === "days") {
    if (!Number.isInteger(n * 2)) throw new DomainError("BAD_REQUEST", `${field.label}须为整天或半天（如1、1.5）`, at);
    const span = daysSpanned(claim.startDate, claim.endDate);
    if (n > span) throw new DomainError("BAD_REQUEST", `${field.label}不能超过起止时间的天数（${span}天）`, at);
  }
}

/** 计入年度 may be the current year or up to this many years back (configurable per deployment). */
export const DEFAULT_YEARS_BACK = 2;

/**
 * 计入年度 choices at an instant, newest first: the Beijing-calendar year of `today` and `yearsBack`
 * years before it (at 2026-01-01 02:00 Beijing, i.e. 2025-12-31T18:00Z, the current year is 2026).
 */
export function allowedYears(today: Date, yearsBack = DEFAULT_YEARS_BACK): number[] {
  const current = calendarYear(today);
  return Array.from({ length: yearsBack + 1 }, (_, i) => current - i);
}

type Claim = Pick<DeclareInput, "year" | "startDate" | "endDate" | "requestedHours" | "subject" | "details">;

/**
 * Checks a declaration against its learning form and computes the hours it may be recognised
 * for: 计入年度 among allowedYears, 起止时间 in order, not after today on the Beijing calendar (hours
 * are declared for learning done, 学时申报 §3.4) and not starting after 计入年度, 计入科目 one the
 * form allows, the form's own fields, 申请学时 within the form's rule. Throws a DomainError
 * BAD_REQUEST naming the field at fault.
 */
export function assessDeclaration(form: LearningForm, claim: Claim, opts: { today: Date; usedThisYear: number; yearsBack?: number }): ComputedHours {
  const years = allowedYears(opts.today, opts.yearsBack);
  if (!years.includes(claim.year)) {
    throw new DomainError("BAD_REQUEST", `计入年度只能是${years[years.length - 1]}至${years[0]}年`, "year");
  }
  if (claim.endDate < claim.startDate) throw new DomainError("BAD_REQUEST", "结束时间不能早于开始时间", "endDate");
  notAfterToday(claim.endDate, opts.today, "结束时间", "endDate");
  if (Number(claim.startDate.slice(0, 4)) > claim.year) throw new DomainError("BAD_REQUEST", "起止时间不能晚于计入年度", "startDate");
  if (!form.subjects.includes(claim.subject)) {
    const allowed = form.subjects.map((s) => subjectLabels[s]).join("或");
    throw new DomainError("BAD_REQUEST", `${form.name}只能计入${allowed}`, "subject");
  }
  for (const field of form.fields) {
    const value = claim.details[field.key];
    const empty = value === undefined || value === "" || (field.type === "checkbox" && value === false);
    if (field.required && empty && field.type !== "checkbox") throw new DomainError("BAD_REQUEST", `请填写${field.label}`, `details.${field.key}`);
    if (!empty && field.type === "number") checkFormNumber(field, value, claim);
    if (!empty && field.type === "select" && !field.options?.some((o) => o.value === value)) {
      throw new DomainError("BAD_REQUEST", `请选择${field.label}`, `details.${field.key}`);
    }
  }
  const computed = computeHours(form.rule, { requestedHours: claim.requestedHours, details: claim.details, usedThisYear: opts.usedThisYear });
  if (claim.requestedHours > computed.hours) {
    throw new DomainError("BAD_REQUEST", `申请学时不能超过${computed.hours}学时（${computed.explanation}）`, "requestedHours");
  }
  return computed;
}
