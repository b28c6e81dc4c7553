import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { UnitKind } from "../domain-codes.ts";
import { callerUnit, isProvinceUnit, unitDepth } from "./province.ts";
import { unitPath } from "./scope.ts";

const sd = unitPath(null, "sd");
const jn = unitPath(sd, "jn");
const bus = unitPath(jn, "bus");

describe("unitDepth", () => {
  it.each([
    { path: sd, depth: 0 },
    { path: jn, depth: 1 },
    { path: bus, depth: 2 },
    { path: "/a/b/c/d/e/", depth: 4 },
    { path: "/", depth: -1 },
    { path: "", depth: -1 },
    { path: "//x//", depth: 0 },
  ])("$path → $depth", ({ path, depth }) => expect(unitDepth(path)).toBe(depth));

  it("grows by one for each unit placed below another", () => {
    fc.assert(
      fc.property(fc.array(fc.uuid(), { minLength: 1, maxLength: 8 }), (ids) => {
        const path = ids.reduce<string | null>((above, id) => unitPath(above, id), null) ?? "";
        expect(unitDepth(path)).toBe(ids.length - 1);
      }),
    );
  });
});

describe("isProvinceUnit: the supervising department at the root", () => {
  it.each<{ kind: UnitKind; path: string; province: boolean; why: string }>([
    { kind: "AUTHORITY", path: sd, province: true, why: "the root department" },
    { kind: "AUTHORITY", path: jn, province: false, why: "a city bureau has a superior" },
    { kind: "AUTHORITY", path: unitPath(bus, "team"), province: false, why: "a department deep down" },
    { kind: "EMPLOYER", path: jn, province: false, why: "an employer" },
    { kind: "EMPLOYER", path: "/orphan/", province: false, why: "an employer at the root is still no department" },
    { kind: "TRAINING_BASE", path: "/base/", province: false, why: "a CE base at the root" },
    { kind: "AUTHORITY", path: "/", province: false, why: "a path naming no unit" },
    { kind: "AUTHORITY", path: "", province: false, why: "no path at all" },
  ])("$kind $path → $province ($why)", ({ kind, path, province }) => expect(isProvinceUnit({ kind, path })).toBe(province));
});

describe("callerUnit: what the principal says about the caller's unit", () => {
  it.each([
    { unit: { kind: "AUTHORITY" as const, path: sd }, expected: { unitKind: "AUTHORITY", unitDepth: 0, isProvince: true } },
    { unit: { kind: "AUTHORITY" as const, path: jn }, expected: { unitKind: "AUTHORITY", unitDepth: 1, isProvince: false } },
    { unit: { kind: "EMPLOYER" as const, path: bus }, expected: { unitKind: "EMPLOYER", unitDepth: 2, isProvince: false } },
    { unit: { kind: "TRAINING_BASE" as const, path: unitPath(sd, "base") }, expected: { unitKind: "TRAINING_BASE", unitDepth: 1, isProvince: false } },
    { unit: null, expected: { unitKind: null, unitDepth: null, isProvince: false } },
  ])("$unit.kind $unit.path", ({ unit, expected }) => expect(callerUnit(unit)).toEqual(expected));
});
