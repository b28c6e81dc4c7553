// What the "one mechanism per kind" guard tests share: the production sources of every workspace,
// read line by line against a table of patterns that mark a hand-made copy of a shared helper.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { sourceFiles } from "../../src/files-and-ports.ts";

export { sourceFiles };

export const repoRoot = path.resolve(import.meta.dirname, "../../../..");

/** Production code of every workspace; tests may build their inputs however they like. */
export const PRODUCTION_SOURCE_DIRS = [
  "services/identity/src",
  "services/hours/src",
  "services/reporting/src",
  "packages/contracts/src",
  "packages/service-kit/src",
  "packages/testkit/src",
  "apps/portal/app",
];

/** A fault pattern: what it means (said in the failure) and the line it matches. */
export type LineFault = [what: string, pattern: RegExp];

/** A line that is only a comment (`//`, `/*`, or a `*` continuation): it runs nothing, so it copies nothing. */
const isComment = (line: string) => /^\s*(\/\/|\/\*|\*)/.test(line);

/** Every code line of `src` that matches a fault, as "what: line" (comment lines are prose, not code). */
export function lineFaults(src: string, faults: LineFault[]): string[] {
  return src
    .split("\n")
    .filter((line) => !isComment(line))
    .flatMap((line) => faults.filter(([, re]) => re.test(line)).map(([what]) => `${what}: ${line.trim()}`));
}

/** Each fault in the production sources, as "file: what: line", skipping the `exempt` files (repo-relative). */
export function productionFaults(faults: LineFault[], exempt: Record<string, string>): string[] {
  return PRODUCTION_SOURCE_DIRS.flatMap((dir) =>
    sourceFiles(path.join(repoRoot, dir))
      .map((f) => path.relative(repoRoot, f))
      .filter((rel) => !(rel in exempt))
      .flatMap((rel) => lineFaults(readFileSync(path.join(repoRoot, rel), "utf8"), faults).map((fault) => `${rel}: ${fault}`)),
  );
}

/**
 * The whole guard test of one kind: `examples` (a line and whether the check must flag it) prove
 * the patterns catch the hand-made copies and spare the shared helper's callers, then the
 * production sources (minus `exempt`, each with its reason) must hold no fault.
 */
export function describeLineCheck(
  title: string,
  check: { faults: LineFault[]; exempt: Record<string, string>; examples: [line: string, flagged: boolean][]; noneFound: string },
): void {
  describe(title, () => {
    it.each(check.examples)("the check flags %j: %s", (line, flagged) => {
      expect(lineFaults(line, check.faults).length > 0).toBe(flagged);
    });

    it(check.noneFound, () => {
      expect(productionFaults(check.faults, check.exempt)).toEqual([]);
    });
  });
}
