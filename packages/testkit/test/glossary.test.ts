import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PRODUCTION_SOURCE_DIRS, repoRoot, sourceFiles } from "./support/source-scan.ts";

// docs/glossary.md is the one glossary: every code name in its table is used by the production
// code, and every link in it leads to a file that exists.
const GLOSSARY = path.join(repoRoot, "docs/glossary.md");

/** The backticked names of a Markdown table row (header and separator rows have none that count). */
function codeNames(line: string): string[] {
  if (!line.startsWith("|") || /^\|\s*-/.test(line) || /^\|\s*中文/.test(line)) return [];
  return [...line.matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? "");
}

/** Whether `source` uses `name`: as a whole identifier if it is one, else the text as written. */
function uses(source: string, name: string): boolean {
  if (!/^[A-Za-z_$][\w$]*$/.test(name)) return source.includes(name);
  return new RegExp(`(?<![\\w$])${name.replace(/\$/g, "\\$")}(?![\\w$])`).test(source);
}

/** The relative link targets of a Markdown text (web addresses and in-page anchors left out). */
function linkTargets(text: string): string[] {
  return [...text.matchAll(/\]\(([^)\s#]+)(?:#[^)]*)?\)/g)].map((m) => m[1] ?? "").filter((t) => t !== "" && !/^[a-z]+:/.test(t));
}

describe("the glossary's code names and links", () => {
  it.each([
    ["| 学时 | `hours` (学时) | the unit of `x` |", ["hours", "x"]],
    ["| 中文 (UI) | code name | meaning |", []],
    ["| --- | --- | --- |", []],
    ["a paragraph naming `notATableName`", []],
    ["| 所在人社 | — | not stored yet |", []],
  ])("reads the names of %s", (line, names) => {
    expect(codeNames(line)).toEqual(names);
  });

  it.each([
    ["compliant", "compliant: z.boolean(),", true],
    ["compliant", "const nonCompliant = 1;", false],
    ["ChainStep", "type ChainSteps = 1;", false],
    ["unit", "units.map((u) => u.unitId)", false],
    ["unit", "const unit = row;", true],
    ["$x", "const $x = 1;", true],
    ['"in"', 'z.enum(["in", "out"])', true],
    ['"in"', "for (const k in o) {}", false],
  ])("finds %s in %s: %s", (name, source, found) => {
    expect(uses(source, name)).toBe(found);
  });

  it.each([
    ["see [ADR 3](decisions/003.md) and [x](https://example.com)", ["decisions/003.md"]],
    ["[here](#anchor) and [file](a/b.md#part)", ["a/b.md"]],
  ])("reads the links of %s", (text, targets) => {
    expect(linkTargets(text)).toEqual(targets);
  });

  it("lists only names the production code uses", () => {
    const sources = PRODUCTION_SOURCE_DIRS.flatMap((dir) => sourceFiles(path.join(repoRoot, dir))).map((f) => readFileSync(f, "utf8"));
    const names = [...new Set(readFileSync(GLOSSARY, "utf8").split("\n").flatMap(codeNames))];
    expect(names.length).toBeGreaterThan(40);
    expect(names.filter((name) => !sources.some((src) => uses(src, name)))).toEqual([]);
  });

  it("links only to files that exist", () => {
    const targets = linkTargets(readFileSync(GLOSSARY, "utf8"));
    expect(targets.filter((t) => !existsSync(path.resolve(path.dirname(GLOSSARY), t)))).toEqual([]);
  });
});
