// Zod's default messages in Chinese, configured once for every process that imports contracts
// (the services, the portal's server and its browser bundle). A message a schema states itself
// ({ error: "…" }) still wins: this map only fills in what a schema left unsaid, so a person never
// sees zod's English ("Invalid input: expected string, received undefined").
import { z } from "zod";

const zhCN = z.locales.zhCN().localeError;

const TYPE_NAMES: Record<string, string> = {
  string: "文本",
  number: "数字",
  int: "整数",
  bigint: "整数",
  boolean: "是或否",
  date: "日期",
  array: "列表",
  object: "对象",
  record: "对象",
};

const UNITS: Record<string, string> = { string: "个字符", array: "项", set: "项", file: "字节" };

/**
 * Zod's error map (a zod 4 `localeError`): an issue → a Chinese message without Latin words —
 * a missing value reads 必填, a wrong type 应为<type>, a length or size bound 不能超过/不能少于 N
 * <unit>, an unknown option 选项无效; any other issue uses zod's own zh-CN locale. Never throws.
 */
export function chineseZodError(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined || issue.input === null) return "必填";
      return `格式不正确，应为${TYPE_NAMES[issue.expected] ?? "其他类型"}`;
    case "too_big": {
      const unit = UNITS[issue.origin ?? ""];
      return unit ? `长度不能超过${issue.maximum}${unit}` : `不能大于${issue.maximum}`;
    }
    case "too_small": {
      const unit = UNITS[issue.origin ?? ""];
      if (unit && Number(issue.minimum) === 1 && issue.origin === "string") return "必填";
      return unit ? `长度不能少于${issue.minimum}${unit}` : `不能小于${issue.minimum}`;
    }
    case "invalid_value":
      return issue.input === undefined || issue.input === null ? "必填" : "选项无效";
    case "invalid_format":
      return "格式不正确";
    case "unrecognized_keys":
      return "包含无法识别的字段";
    case "invalid_union":
      return "格式不正确";
    case "not_multiple_of":
      return `应为${issue.divisor}的倍数`;
    default: {
      const m = zhCN?.(issue);
      const text = typeof m === "string" ? m : m?.message;
      return text && !/[A-Za-z]/.test(text) ? text : "输入无效";
    }
  }
}

z.config({ localeError: chineseZodError });
