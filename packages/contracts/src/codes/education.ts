// 学历 (highest completed education) levels, highest first.
import type { z } from "zod";
import { type CodeName, codeEnum, nameOf } from "./code-list.ts";

export const educationLevels = [
  { code: "DOCTORATE", name: "博士研究生" },
  { code: "MASTER", name: "硕士研究生" },
  { code: "BACHELOR", name: "本科" },
  { code: "ASSOCIATE", name: "大专" },
  { code: "SECONDARY_VOCATIONAL", name: "中专" },
  { code: "HIGH_SCHOOL", name: "高中" },
  { code: "BELOW_HIGH_SCHOOL", name: "初中及以下" },
] as const satisfies readonly CodeName[];

export const EducationCode = codeEnum(educationLevels, "学历");
export type EducationCode = z.infer<typeof EducationCode>;

/** Chinese name for an education code; undefined for unknown codes. */
export const educationName = nameOf(educationLevels);
