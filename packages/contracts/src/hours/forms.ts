import { z } from "zod";
import { CalendarDate, calendarDateField } from "../calendar.ts";
import { MultiLineText, SingleLineText } from "../text.ts";

/**
 * The guide's two words for a subject, each in its own place (a test in apps/portal keeps them there):
 * - subjectLabels, 公需科目 / 专业科目: the declaration's field 计入科目 (学时申报, 详细, 学习形式管理,
 *   操作日志) and the 学时证明's rows (hoursProofRows);
 * - subjectTypeLabels, 公需课 / 专业课: the records tables' column 科目类型 (查看申报记录: 专业课);
 * - yearly totals are 完成公需课时 / 完成专业课时 (学习记录验证).
 */
export const Subject = z.enum(["GENERAL", "PROFESSIONAL"]);
export type Subject = z.infer<typeof Subject>;
export const subjectLabels: Record<Subject, string> = { GENERAL: "公需科目", PROFESSIONAL: "专业科目" };
/** 科目类型 column of the records tables, as the guide prints it. */
export const subjectTypeLabels: Record<Subject, string> = { GENERAL: "公需课", PROFESSIONAL: "专业课" };

/** One extra input a learning form asks for, beyond the declaration's common fields. */
export const FormField = z.object({
  key: z.string().regex(/^[a-zA-Z]+$/),
  label: SingleLineText({ label: "字段名称", min: 1, max: 50 }),
  type: z.enum(["number", "text", "select", "checkbox"]),
  required: z.boolean(),
  options: z.array(z.object({ value: SingleLineText({ label: "选项值", max: 50 }), label: SingleLineText({ label: "选项名称", max: 50 }) })).optional(),
});
export type FormField = z.infer<typeof FormField>;

const capPerYear = z.number().positive().nullable().default(null);

/**
 * How a form turns what was declared into hours. Every kind may carry a per-year cap (per person,
 * per form); ACTUAL and RATIO also a cap per item.
 */
export const HourRule = z.discriminatedUnion("kind", [
  /** The hours actually attended (申请学时), up to a cap per item. */
  z.object({ kind: z.literal("ACTUAL"), capPerItem: z.number().positive(), capPerYear }),
  /** hoursPerDay × days (field `days`, half days allowed), up to a cap per item. */
  z.object({ kind: z.literal("PER_DAY"), hoursPerDay: z.number().positive(), capPerItem: z.number().positive().nullable().default(null), capPerYear }),
  /** A fixed number of hours per item (field `items`, default 1). */
  z.object({ kind: z.literal("PER_ITEM"), hoursPerItem: z.number().positive(), capPerYear }),
  /** A table by rank (field `rank`), plus a bonus when a paper was presented (field `withPaper`). */
  z.object({
    kind: z.literal("RANK"),
    ranks: z
      .array(
        z.object({
          code: SingleLineText({ label: "级别代码", max: 50 }),
          label: SingleLineText({ label: "级别名称", max: 50 }),
          hours: z.number().positive(),
          paperBonus: z.number().min(0).default(0),
        }),
      )
      .min(1),
    capPerYear,
  }),
  /** `perHour` 学时 for every hour taught (field `teachingHours`), up to a cap per item. */
  z.object({ kind: z.literal("RATIO"), perHour: z.number().positive(), capPerItem: z.number().positive().nullable().default(null), capPerYear }),
]);
export type HourRule = z.infer<typeof HourRule>;

/** One version of a learning form (学习形式) as the declaration form and reviewers see it. */
export const LearningForm = z.object({
  formId: z.uuid(),
  versionId: z.uuid(),
  code: z.string(),
  name: z.string(),
  version: z.number().int().positive(),
  effectiveFrom: CalendarDate,
  fields: z.array(FormField),
  hint: z.string(),
  subjects: z.array(Subject).min(1),
  rule: HourRule,
});
export type LearningForm = z.infer<typeof LearningForm>;

export const GetFormInput = z.object({ code: SingleLineText({ label: "学习形式", min: 1, max: 50, required: "请选择学习形式" }) });
export type GetFormInput = z.infer<typeof GetFormInput>;

/** A new version of one form, effective from a date; decided declarations keep their version. */
export const UpdateFormInput = z.object({
  code: SingleLineText({ label: "学习形式", min: 1, max: 50, required: "请选择学习形式" }),
  effectiveFrom: calendarDateField("生效日期"),
  name: SingleLineText({ label: "学习形式名称", min: 1, max: 50 }),
  fields: z.array(FormField),
  hint: MultiLineText({ label: "提示文字", max: 200 }),
  subjects: z.array(Subject).min(1, { error: "请至少选择一个计入科目" }),
  rule: HourRule,
});
export type UpdateFormInput = z.infer<typeof UpdateFormInput>;

const optionalPositive = (label: string) =>
  z
    .number({ error: `${label}必须是数字` })
    .positive({ error: `${label}必须大于0` })
    .optional();

/**
 * 编辑学习形式 as the portal's form posts it: the hint, 计入科目, 生效日期 and the numbers of the rule
 * (those its kind has; which are required is the rule's kind's business: `editedRule`). 学时 and 上限
 * in hours, RANK's rows in the order of the current version's ranks.
 */
export const FormVersionEdit = z.object({
  hint: MultiLineText({ label: "提示文字", max: 200 }).optional(),
  subjects: z.array(Subject, { error: "请至少选择一个计入科目" }).min(1, { error: "请至少选择一个计入科目" }),
  effectiveFrom: calendarDateField("生效日期"),
  capPerYear: optionalPositive("每年上限"),
  capPerItem: optionalPositive("每项上限"),
  hoursPerDay: optionalPositive("每天学时"),
  hoursPerItem: optionalPositive("每项学时"),
  perHour: optionalPositive("每授课1小时计学时"),
  ranks: z
    .array(
      z.object({ hours: optionalPositive("学时"), paperBonus: z.number({ error: "论文加分必须是数字" }).min(0, { error: "论文加分不能小于0" }).optional() }),
    )
    .optional(),
});
export type FormVersionEdit = z.output<typeof FormVersionEdit>;

/**
 * The rule of the new version: `current`'s kind (and RANK's codes and labels) with the edited
 * numbers; an empty 每年上限 (and 每项上限 where optional) means none, an empty 论文加分 0. Or, when
 * numbers the kind needs are empty, a message per field (`capPerItem`, `ranks[1].hours`, …:
 * 请填写每项上限). Pure; UpdateFormInput checks the result again.
 */
export function editedRule(current: HourRule, edit: FormVersionEdit): { rule: HourRule } | { errors: Record<string, string[]> } {
  const errors: Record<string, string[]> = {};
  const need = (key: "capPerItem" | "hoursPerDay" | "hoursPerItem" | "perHour", label: string): number => {
    const n = edit[key];
    if (typeof n !== "number") errors[key] = [`请填写${label}`];
    return n ?? 0;
  };
  const capPerYear = edit.capPerYear ?? null;
  let rule: HourRule;
  switch (current.kind) {
    case "ACTUAL":
      rule = { kind: "ACTUAL", capPerItem: need("capPerItem", "每项上限"), capPerYear };
      break;
    case "PER_DAY":
      rule = { kind: "PER_DAY", hoursPerDay: need("hoursPerDay", "每天学时"), capPerItem: edit.capPerItem ?? null, capPerYear };
      break;
    case "PER_ITEM":
      rule = { kind: "PER_ITEM", hoursPerItem: need("hoursPerItem", "每项学时"), capPerYear };
      break;
    case "RATIO":
      rule = { kind: "RATIO", perHour: need("perHour", "每授课1小时计学时"), capPerItem: edit.capPerItem ?? null, capPerYear };
      break;
    case "RANK":
      rule = {
        kind: "RANK",
        ranks: current.ranks.map((r, i) => {
          const hours = edit.ranks?.[i]?.hours;
          if (typeof hours !== "number") errors[`ranks[${i}].hours`] = [`请填写${r.label}的学时`];
          return { ...r, hours: hours ?? r.hours, paperBonus: edit.ranks?.[i]?.paperBonus ?? 0 };
        }),
        capPerYear,
      };
      break;
  }
  return Object.keys(errors).length > 0 ? { errors } : { rule };
}

/** A rule in words, as the catalog page prints it: 按天计算，每天8学时（半天4学时），每项最多90学时. */
export function describeHourRule(rule: HourRule): string {
  const parts: string[] = [];
  switch (rule.kind) {
    case "ACTUAL":
      parts.push("按实际学时计算", `每项最多${rule.capPerItem}学时`);
      break;
    case "PER_DAY":
      parts.push(`按天计算，每天${rule.hoursPerDay}学时（半天${rule.hoursPerDay / 2}学时）`);
      if (rule.capPerItem !== null) parts.push(`每项最多${rule.capPerItem}学时`);
      break;
    case "PER_ITEM":
      parts.push(`按项计算，每项${rule.hoursPerItem}学时`);
      break;
    case "RANK":
      parts.push(`按级别计算：${rule.ranks.map((r) => `${r.label}${r.hours}学时${r.paperBonus > 0 ? `（提交论文加${r.paperBonus}学时）` : ""}`).join("、")}`);
      break;
    case "RATIO":
      parts.push(`按授课时长计算，每授课1小时计${rule.perHour}学时`);
      if (rule.capPerItem !== null) parts.push(`每项最多${rule.capPerItem}学时`);
      break;
  }
  if (rule.capPerYear !== null) parts.push(`每年最多${rule.capPerYear}学时`);
  return parts.join("，");
}
