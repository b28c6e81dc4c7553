// 批量导入's test and bench files: one generator of valid template rows, so the router tests, the
// job tests and the benchmark fill the same columns the same way.
import { generateResidentId, importColumns } from "@ce/contracts";

/** The template's header as people type it (no * marks): the columns of contracts importColumns, in order. */
export const importHeader: string[] = importColumns.map((c) => c.header);

const DAY_MS = 86_400_000;

/**
 * The n-th (n ≥ 0) of a series of distinct valid 身份证 numbers for `region`: a thousand sequence
 * codes per birth date, the birth date one day later for each further thousand, starting at `firstBorn`.
 */
export function serialResidentId(n: number, region = "370102", firstBorn = new Date(Date.UTC(1985, 2, 4))): string {
  return generateResidentId(region, new Date(firstBorn.getTime() + Math.floor(n / 1000) * DAY_MS), n % 1000);
}

/**
 * A valid data row for person `n`, in importHeader's order: `name` (导入n), 身份证 `idNumber`
 * (serialResidentId(n)), 性别 empty, 手机号 138 and n in 8 digits, pn@example.com, 办公室 (a department
 * the unit must have), 本科, 工程技术 中级 工程师, 道路, 证书管理号 ZSn.
 */
export function importRow(n: number, name = `导入${n}`, idNumber = serialResidentId(n)): string[] {
  return [
    name,
    "身份证",
    idNumber,
    "",
    `138${String(n).padStart(8, "0")}`,
    `p${n}@example.com`,
    "办公室",
    "本科",
    "工程技术",
    "中级",
    "工程师",
    "道路",
    `ZS${n}`,
  ];
}
