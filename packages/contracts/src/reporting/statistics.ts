import { z } from "zod";
import { CalendarDate, calendarDateField } from "../calendar.ts";

/**
 * What every 查询统计 statistic shares (guide §3.9): the date field and its epoch, the figures a
 * count drills into, the verdict 认定结果 and the region prefix of the 地区 filters.
 */

/** The first 统计时间 a statistic may be asked for: no platform data is older (before it: a typo). */
export const STATISTICS_EPOCH = "2000-01-01";

/**
 * A statistic's date field (统计时间, 开始时间, 结束时间): a real "YYYY-MM-DD" Beijing date not
 * before STATISTICS_EPOCH, messages naming `label`. A day after today is refused by the service,
 * which owns the clock ("{label}不能晚于今天（YYYY-MM-DD）").
 */
export function statisticDateField(label: string) {
  return calendarDateField(label).refine((d) => d >= STATISTICS_EPOCH, `${label}不能早于${STATISTICS_EPOCH}`);
}

/**
 * `final` on every answer asked as of a day (统计时间, or a range's 结束时间): true when that day has
 * ended on the Beijing calendar (it is before today), so asking the same question again later gives
 * the same answer; false when it is today — the day is not yet closed and later approvals, voidings
 * or registrations of today can still change the figures. A day after today is refused (400 naming
 * the field). The one rule for every as-of input (docs/analysts.md "统计时间 and final answers").
 */
export const AnswerFinal = z
  .boolean()
  .describe("截至日期是否已结束（北京时间）：true 表示该日已过，同一问题以后再问答案不变；false 表示截至今天，当日尚未结束，结果可能变化");

/**
 * A statistic's period as it is asked: 开始时间 and 结束时间, each optional (the service defaults
 * them). Spread into an object schema that periodInOrder then checks.
 */
export const StatisticPeriodFields = { from: statisticDateField("开始时间").optional(), to: statisticDateField("结束时间").optional() };

/** A range's two ends in an object schema: the fields' names and labels (结束时间不能早于开始时间 is built from the labels). */
export interface RangeEnds<K extends string> {
  from: K;
  to: K;
  fromLabel: string;
  toLabel: string;
}

/** The 年度 range of 人年抽取 and 学时达标情况: 开始年度 `fromYear` … 结束年度 `toYear`. */
export const YEAR_RANGE: RangeEnds<"fromYear" | "toYear"> = { from: "fromYear", to: "toYear", fromLabel: "开始年度", toLabel: "结束年度" };

/**
 * The one range check of every filter with a start and an end (统计 时间范围, 操作日志's 日期, the
 * 年度 ranges of 人年抽取 and 学时达标情况): an object schema refined so that the end is not before the
 * start — the message "{toLabel}不能早于{fromLabel}" on the end field, so a page shows it by that
 * field; either end missing passes. Without `ends`: StatisticPeriodFields' `from` / `to`, 开始时间 /
 * 结束时间. Values compare as they are ("YYYY-MM-DD" strings, or year numbers); an end that is
 * itself invalid is left to its own message (the order is not checked then).
 */
export function periodInOrder<T extends z.ZodType<{ from?: string | undefined; to?: string | undefined }>>(schema: T): T;
export function periodInOrder<T extends z.ZodType<object>, K extends keyof z.output<T> & string>(schema: T, ends: RangeEnds<K>): T;
export function periodInOrder<T extends z.ZodType<object>>(
  schema: T,
  ends: RangeEnds<string> = { from: "from", to: "to", fromLabel: "开始时间", toLabel: "结束时间" },
): T {
  return schema.refine(
    (v) => {
      const start = (v as Record<string, string | number | undefined>)[ends.from];
      const end = (v as Record<string, string | number | undefined>)[ends.to];
      return start === undefined || end === undefined || start <= end;
    },
    {
      path: [ends.to],
      message: `${ends.toLabel}不能早于${ends.fromLabel}`,
      // Only when both ends are valid: a mistyped 开始时间 is named on its own field, with no order claimed of it.
      // (and only on an object: zod runs a refinement given `when` even after the object itself was refused).
      when: (payload) =>
        typeof payload.value === "object" && payload.value !== null && !payload.issues.some((i) => i.path?.[0] === ends.from || i.path?.[0] === ends.to),
    },
  );
}

/**
 * The head of every answer asked as of one day (统计时间): that Beijing date and whether it has
 * ended (AnswerFinal). Spread into an object schema, first.
 */
export const AsOfAnswerFields = { asOf: CalendarDate, final: AnswerFinal };

/**
 * The head of every answer over a period (the 管理看板 of 审批时效, 驳回原因, 继续教育基地质量): 开始时间
 * and 结束时间 as Beijing dates and whether 结束时间 has ended (AnswerFinal). Spread into an object schema, first.
 */
export const PeriodAnswerFields = { from: CalendarDate, to: CalendarDate, final: AnswerFinal };

/**
 * A person's 认定学时 (whole 学时) by 计入科目: 完成公需课时 (`general`), 完成专业课时 (`professional`) and
 * 总完成学时 (`total`, their sum). Spread into an object schema.
 */
export const SubjectHoursFields = {
  general: z.number().int(),
  professional: z.number().int(),
  total: z.number().int(),
};

/**
 * One person-year's row as 学习记录, 学习记录验证, 学时达标情况 and the 学时证明 print it: 年度, the
 * SubjectHoursFields and 认定结果 (合格 when `compliant`, the yearly compliance rule of hours).
 * Spread into an object schema.
 */
export const YearHoursFields = {
  year: z.number().int(),
  ...SubjectHoursFields,
  compliant: z.boolean(),
};

/** The three figures of 专业技术人员数量查询 a person can drill into: 注册总数, 学习总数, 合格总数. */
export const StatisticMeasure = z.enum(["REGISTERED", "STUDYING", "COMPLIANT"], { error: "统计项无效" });
export type StatisticMeasure = z.infer<typeof StatisticMeasure>;
export const statisticMeasureLabels: Record<StatisticMeasure, string> = { REGISTERED: "注册总数", STUDYING: "学习总数", COMPLIANT: "合格总数" };

/** 认定结果 of a person's year, as the guide prints it. */
export const complianceVerdict = (compliant: boolean): "合格" | "不合格" => (compliant ? "合格" : "不合格");

/**
 * The prefix every region code inside `code` starts with (GB/T 2260: 2 digits province, 2 city,
 * 2 county; trailing "00" pairs are the levels not named): "370000" → "37", "370100" → "3701",
 * "370102" → "370102". Pure; the 地区 filters match a unit's region by this prefix.
 */
export function regionPrefix(code: string): string {
  if (code.endsWith("0000")) return code.slice(0, 2);
  if (code.endsWith("00")) return code.slice(0, 4);
  return code;
}
