// 学历 (highest completed education) levels, highest first.
import { z } from "zod";

export const educationLevels = [
  { code: "DOCTORATE", name: "博士研究生" },
  { code: "MASTER", name: "硕士研究生" },
  { code: "BACHELOR", name: "本科" },
  { code: "ASSOCIATE", name: "大专" },
  { code: "SECONDARY_VOCATIONAL", name: "中专" },
  { code: "HIGH_SCHOOL", name: "高中" },
  { code: "BELOW_HIGH_SCHOOL", name: "初中及以下" },
] as const satisfies readonly { code: string; name: string }[];

type EducationCodeLiteral = (typeof educationLevels)[number]["code"];

// z.enum needs a non-empty tuple; deriving it from the list keeps codes and names in one place.
export const EducationCode = z.enum(educationLevels.map((e) => e.code) as [EducationCodeLiteral, ...EducationCodeLiteral[]], { error: "学历无效" });
export type EducationCode = z.infer<typeof EducationCode>;

const namesByCode: ReadonlyMap<string, string> = new Map(educationLevels.map((e) => [e.code, e.name]));

/** Chinese name for an education code; undefined for unknown codes. */
export function educationName(code: EducationCode): string;
export function educationName(code: string): string | undefined;
export function educationName(code: string): string | undefined {
  return namesByCode.get(code);
}
