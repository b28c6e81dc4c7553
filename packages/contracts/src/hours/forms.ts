import { z } from "zod";
import { CalendarDate, calendarDateField } from "../calendar.ts";
import { MultiLineText, SingleLineText } from "../text.ts";

/** 计入科目: 公需科目 / 专业科目. */
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
