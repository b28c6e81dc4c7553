// 专业技术职务系列 (professional title series) and title levels.
import type { z } from "zod";
import { type CodeName, codeEnum, nameOf } from "./code-list.ts";

// The first ten follow the admin guide's table order; the rest are the other national series.
export const titleSeries = [
  { code: "HIGHER_EDU_TEACHER", name: "高等学校教师" },
  { code: "SECONDARY_SPECIALIZED_TEACHER", name: "中等专业学校教师" },
  { code: "TECHNICAL_SCHOOL_TEACHER", name: "技工学校教师" },
  { code: "PARTY_SCHOOL_TEACHER", name: "党校教师" },
  { code: "PRIMARY_SECONDARY_TEACHER", name: "中小学教师" },
  { code: "NATURAL_SCIENCE_RESEARCH", name: "自然科学研究" },
  { code: "SOCIAL_SCIENCE_RESEARCH", name: "社会科学研究" },
  { code: "LABORATORY_TECHNOLOGY", name: "实验技术" },
  { code: "HEALTH_TECHNOLOGY", name: "卫生技术" },
  { code: "PRIMARY_HEALTH_TECHNOLOGY", name: "基层卫生技术" },
  // Transport engineering (交通运输工程) titles belong to this series.
  { code: "ENGINEERING", name: "工程技术" },
  { code: "ECONOMICS", name: "经济" },
  { code: "ACCOUNTING", name: "会计" },
  { code: "STATISTICS", name: "统计" },
  { code: "TRANSLATION", name: "翻译" },
  { code: "JOURNALISM", name: "新闻" },
  { code: "PUBLISHING", name: "出版" },
  { code: "ARCHIVES", name: "档案" },
  { code: "ARTS_AND_CRAFTS", name: "工艺美术" },
  { code: "LAWYER", name: "律师" },
  { code: "NOTARY", name: "公证" },
  { code: "BROADCASTING", name: "广播电视播音" },
  { code: "SHIP_TECHNOLOGY", name: "船舶技术" },
  { code: "CIVIL_AVIATION_FLIGHT", name: "民用航空飞行技术" },
] as const satisfies readonly CodeName[];

export const TitleSeriesCode = codeEnum(titleSeries, "职务系列");
export type TitleSeriesCode = z.infer<typeof TitleSeriesCode>;

/** Chinese name for a title series code; undefined for unknown codes. */
export const titleSeriesName = nameOf(titleSeries);

export const titleLevels = [
  { code: "JUNIOR", name: "初级" },
  { code: "INTERMEDIATE", name: "中级" },
  { code: "DEPUTY_SENIOR", name: "副高级" },
  { code: "FULL_SENIOR", name: "正高级" },
  { code: "NONE", name: "无" },
] as const satisfies readonly CodeName[];

export const TitleLevelCode = codeEnum(titleLevels, "职称级别");
export type TitleLevelCode = z.infer<typeof TitleLevelCode>;

/** Chinese name for a title level code; undefined for unknown codes. */
export const titleLevelName = nameOf(titleLevels);

export type TitleLevelBucket = "初级" | "中级" | "高级" | "无";

// The guide's distribution table reports 副高级 and 正高级 together as 高级.
const buckets: Record<TitleLevelCode, TitleLevelBucket> = {
  JUNIOR: "初级",
  INTERMEDIATE: "中级",
  DEPUTY_SENIOR: "高级",
  FULL_SENIOR: "高级",
  NONE: "无",
};

/** Statistics bucket for a title level, as used by the title distribution report. */
export function titleLevelBucket(level: TitleLevelCode): TitleLevelBucket {
  return buckets[level];
}
