// The guide's words for statuses and subjects reach a page only through contracts' label constants,
// each family in its own context — a new user's trial found 公需科目 on the 学时证明 beside 公需课学时
// on its 查验 page, and 认定结果 reading 通过 in the records list but 审核通过 on the 详细 page.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const appDir = path.dirname(new URL(import.meta.url).pathname);

function sources(dir: string, rel = ""): { rel: string; text: string }[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    const r = rel ? `${rel}/${name}` : name;
    if (statSync(full).isDirectory()) return sources(full, r);
    if (!/\.tsx?$/.test(name) || /\.test\.tsx?$|test-support/.test(name)) return [];
    // Code only: comments may name the words freely.
    const text = readFileSync(full, "utf8")
      .split("\n")
      .filter((line) => !/^\s*(\/\/|\*|\/\*)/.test(line))
      .join("\n");
    return [{ rel: r, text }];
  });
}

const files = sources(appDir);

describe("labels come from contracts, each family in its context", () => {
  it("scans the portal's pages and components", () => {
    expect(files.length).toBeGreaterThan(100);
  });

  it("no page keeps its own status words (registrationStatusLabels, changeRequestStatusLabels, declarationStatusLabels, recognitionResultLabels…)", () => {
    const own = files.filter((f) => /\b(PENDING|APPROVED|REJECTED|WITHDRAWN|DISABLED|FILED|VOIDED)\s*:\s*["'`]/.test(f.text)).map((f) => f.rel);
    expect(own).toEqual([]);
  });

  it("公需 / 专业 subject words are never typed into a page: subjectLabels (计入科目), subjectTypeLabels (科目类型), or the guide's 完成公需课时 totals", () => {
    const typed = files.flatMap((f) => [...f.text.matchAll(/(公需|专业)(科目|课)(?!时)/g)].map((m) => `${f.rel}: ${m[0]}`));
    expect(typed).toEqual([]);
  });

  it.each([
    { constant: "subjectTypeLabels", context: "the column 科目类型", never: "计入科目" },
    { constant: "subjectLabels", context: "the field 计入科目 and the 学时证明", never: "科目类型" },
  ])("$constant is shown under $context, never beside $never", ({ constant, never }) => {
    const wrong = files.filter((f) => new RegExp(`\\b${constant}\\b`).test(f.text) && f.text.includes(never)).map((f) => f.rel);
    expect(wrong).toEqual([]);
  });

  it("认定结果 reads the records list's words everywhere (recognitionResultLabels), never the status words", () => {
    // A 认定结果 column or fact (one line: its header and its cell); a record's 状态 column beside a
    // year's 认定结果 (学习记录) rightly reads declarationStatusLabels.
    const wrong = files.filter((f) => /认定结果[^\n]*\bdeclarationStatusLabels\b/.test(f.text)).map((f) => f.rel);
    expect(wrong).toEqual([]);
  });
});
