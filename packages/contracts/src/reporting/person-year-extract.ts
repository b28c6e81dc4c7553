import { z } from "zod";
import { calendarYearField } from "../calendar.ts";
import { periodInOrder, statisticDateField, YEAR_RANGE } from "./statistics.ts";

/**
 * 人年抽取 (issue 11 item 3): a de-identified person-year extract for analysts — one row per
 * professional and year of the caller's (or a token's) subtree, with a pseudonymous person key
 * instead of any name, ID number, phone, e-mail or certificate number. docs/analysts.md documents
 * the columns (PERSON_YEAR_COLUMNS is that list).
 */

/** The most years one extract spans. */
export const EXTRACT_MAX_YEARS = 10;
/** The most rows (people × years) one extract may hold; a larger scope is refused before any byte is written. */
export const EXTRACT_MAX_ROWS = 5_000_000;

/** The file an extract is written as: CSV (UTF-8 with BOM) or Parquet. */
export const ExtractFormat = z.enum(["csv", "parquet"], { error: "文件格式无效（csv 或 parquet）" });
export type ExtractFormat = z.infer<typeof ExtractFormat>;

/**
 * What an extract is asked with (a query string: years come as text): 开始年度 `fromYear` to
 * 结束年度 `toYear` (at most EXTRACT_MAX_YEARS years) and 统计时间 `asOf` (default today; the
 * service refuses a day after today and a 结束年度 after 统计时间's year), and the format.
 */
export const PersonYearExtractInput = periodInOrder(
  z.object({
    fromYear: calendarYearField("开始年度"),
    toYear: calendarYearField("结束年度"),
    asOf: statisticDateField("统计时间").optional(),
    format: ExtractFormat.default("csv"),
  }),
  YEAR_RANGE,
).refine((v) => v.toYear - v.fromYear < EXTRACT_MAX_YEARS, { path: ["toYear"], message: `一次最多抽取${EXTRACT_MAX_YEARS}个年度` });
export type PersonYearExtractInput = z.infer<typeof PersonYearExtractInput>;

/** A column of the extract: its name (CSV header, Parquet field), Parquet type and meaning. */
export interface ExtractColumn {
  name: string;
  type: "VARCHAR" | "INTEGER" | "BOOLEAN";
  label: string;
}

/** The extract's columns in order; docs/analysts.md "人年抽取" describes each (a test keeps the two equal). */
export const PERSON_YEAR_COLUMNS = [
  { name: "person_key", type: "VARCHAR", label: "人员假名键：HMAC-SHA256(本令牌/本单位的密钥, 人员编号) 的十六进制，同一使用者各次抽取中不变" },
  { name: "year", type: "INTEGER", label: "年度" },
  { name: "unit_id", type: "VARCHAR", label: "所在单位编号（该年度末或统计时间时）" },
  { name: "unit_name", type: "VARCHAR", label: "所在单位名称（同时点）" },
  { name: "unit_kind", type: "VARCHAR", label: "单位类型代码：AUTHORITY 主管部门 / EMPLOYER 用人单位 / TRAINING_BASE 继续教育基地" },
  { name: "region_code", type: "VARCHAR", label: "所在单位地区代码（GB/T 2260）" },
  { name: "title_series", type: "VARCHAR", label: "专业技术职务系列代码" },
  { name: "title_series_name", type: "VARCHAR", label: "专业技术职务系列名称" },
  { name: "title_level", type: "VARCHAR", label: "职称级别代码" },
  { name: "title_level_name", type: "VARCHAR", label: "职称级别名称" },
  { name: "education", type: "VARCHAR", label: "学历代码" },
  { name: "education_name", type: "VARCHAR", label: "学历名称" },
  { name: "general_hours", type: "INTEGER", label: "公需学时（认定、统计时间时未作废）" },
  { name: "professional_hours", type: "INTEGER", label: "专业学时（同上）" },
  { name: "total_hours", type: "INTEGER", label: "总学时 = 公需学时 + 专业学时" },
  { name: "approved_records", type: "INTEGER", label: "计入的认定学时申报条数（> 0 即计入学习总数）" },
  { name: "compliant", type: "BOOLEAN", label: "是否合格（年度学时要求，与查询统计同一规则）" },
  { name: "result", type: "VARCHAR", label: "认定结果：合格 / 不合格" },
] as const satisfies readonly ExtractColumn[];
