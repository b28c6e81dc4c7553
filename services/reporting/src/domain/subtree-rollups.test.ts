import { describe, expect, it } from "vitest";
import { properAncestors, reattribution, unitOfPath } from "./subtree-rollups.ts";

describe("properAncestors and unitOfPath", () => {
  it.each([
    ["/p/", [], "p"],
    ["/p/c/", ["p"], "c"],
    ["/p/c/e/", ["p", "c"], "e"],
  ])("%s has the ancestors %j and ends with %s", (path, ancestors, unit) => {
    expect(properAncestors(path)).toEqual(ancestors);
    expect(unitOfPath(path)).toBe(unit);
  });

  it("refuses a path naming no unit", () => {
    expect(() => unitOfPath("/")).toThrow("not a unit path");
  });
});

describe("reattribution", () => {
  const paths = (entries: Array<[string, string | null]>) => new Map(entries);

  it.each([
    [
      "a unit's first path gives its rows to every ancestor",
      [["e", null]],
      [["e", "/p/c/e/"]],
      [
        ["e", "c", 1],
        ["e", "p", 1],
      ],
    ],
    ["an unchanged path moves nothing", [["e", "/p/c/e/"]], [["e", "/p/c/e/"]], []],
    [
      "an employer moved between cities leaves the province alone",
      [["e", "/p/c/e/"]],
      [["e", "/p/d/e/"]],
      [
        ["e", "c", -1],
        ["e", "d", 1],
      ],
    ],
    [
      "a city moved under another province takes its employers along",
      [
        ["c", "/p/c/"],
        ["e", "/p/c/e/"],
      ],
      [
        ["c", "/q/c/"],
        ["e", "/q/c/e/"],
      ],
      [
        ["c", "p", -1],
        ["c", "q", 1],
        ["e", "p", -1],
        ["e", "q", 1],
      ],
    ],
    [
      "a unit no longer held takes its rows back",
      [["e", "/p/c/e/"]],
      [["e", null]],
      [
        ["e", "c", -1],
        ["e", "p", -1],
      ],
    ],
  ] as const)("%s", (_, before, after, expected) => {
    const plan = reattribution(paths(before.map(([u, p]) => [u, p])), paths(after.map(([u, p]) => [u, p])));
    expect(plan.map((a) => [a.unitId, a.nodeId, a.sign])).toEqual(expected);
  });
});
