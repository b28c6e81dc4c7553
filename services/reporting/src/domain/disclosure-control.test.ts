import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type CombinationCount,
  combinationKey,
  DISCLOSURE_K,
  GENERALISED,
  generalise,
  MAX_LEVEL,
  planRelease,
  type QuasiIdentifiers,
  releasedIdentifiers,
} from "./disclosure-control.ts";

const q = (unitId: string, region: string, titleSeries: string | null, titleLevel: string | null, education: string | null): QuasiIdentifiers => ({
  unitId,
  region,
  titleSeries,
  titleLevel,
  education,
});

/** The identifiers written "unitId|region|titleSeries|titleLevel|education", an empty field for none. */
const qOf = (key: string): QuasiIdentifiers => {
  const [unitId = "", region = "", ...codes] = key.split("|");
  const [titleSeries, titleLevel, education] = codes.map((v) => v || null);
  return q(unitId, region, titleSeries ?? null, titleLevel ?? null, education ?? null);
};

/** Every row of `counts` as released under the plan (null: suppressed). */
function releaseAll(counts: readonly CombinationCount[], k = DISCLOSURE_K) {
  const plan = planRelease(counts, k);
  return { plan, rows: counts.flatMap((c) => Array.from({ length: c.rows }, () => releasedIdentifiers(plan, c.q))) };
}

// A small world of units in two cities of one province and a few codes, so combinations collide.
const units = [
  ["u1", "370102"],
  ["u2", "370102"],
  ["u3", "370103"],
  ["u4", "370100"],
  ["u5", "370211"],
  ["u6", "370200"],
] as const;
const combination = fc.record({
  unit: fc.constantFrom(...units),
  titleSeries: fc.constantFrom("ENGINEERING", "HEALTH", "EDUCATION", null),
  titleLevel: fc.constantFrom("JUNIOR", "INTERMEDIATE", "DEPUTY_SENIOR", null),
  education: fc.constantFrom("BACHELOR", "MASTER", "COLLEGE", null),
  rows: fc.integer({ min: 1, max: 12 }),
});
const yearOfCombinations = fc.array(combination, { maxLength: 40 }).map((cs) => {
  // One count per exact combination, as the GROUP BY gives them.
  const byKey = new Map<string, CombinationCount>();
  for (const c of cs) {
    const qi = q(c.unit[0], c.unit[1], c.titleSeries, c.titleLevel, c.education);
    const key = combinationKey(qi);
    byKey.set(key, { q: qi, rows: (byKey.get(key)?.rows ?? 0) + c.rows });
  }
  return [...byKey.values()];
});

describe("planRelease (k-anonymity, k = DISCLOSURE_K)", () => {
  it("releases every combination of quasi-identifiers for at least k rows, whatever the year holds", () => {
    fc.assert(
      fc.property(yearOfCombinations, fc.integer({ min: 2, max: 8 }), (counts, k) => {
        const { rows } = releaseAll(counts, k);
        const groups = new Map<string, number>();
        for (const r of rows) if (r) groups.set(combinationKey(r), (groups.get(combinationKey(r)) ?? 0) + 1);
        for (const n of groups.values()) expect(n).toBeGreaterThanOrEqual(k);
      }),
      { seed: 20261130, numRuns: 400 },
    );
  });

  it("accounts for every row: released + suppressed = rows, and suppresses only a year of fewer than k rows", () => {
    fc.assert(
      fc.property(yearOfCombinations, (counts) => {
        const { plan, rows } = releaseAll(counts);
        const total = counts.reduce((n, c) => n + c.rows, 0);
        expect(plan.released + plan.suppressed).toBe(total);
        expect(rows.filter((r) => r === null)).toHaveLength(plan.suppressed);
        expect(plan.suppressed).toBe(total >= DISCLOSURE_K ? 0 : total);
      }),
      { seed: 20261130, numRuns: 400 },
    );
  });

  it("keeps a combination that covers k rows exact, unless it makes up the year's remainder (every field generalised)", () => {
    fc.assert(
      fc.property(yearOfCombinations, (counts) => {
        const plan = planRelease(counts);
        for (const c of counts) if (c.rows >= DISCLOSURE_K) expect([0, MAX_LEVEL]).toContain(plan.levels.get(combinationKey(c.q)));
      }),
      { seed: 20261130, numRuns: 200 },
    );
  });

  it("generalises step by step: 学历, then 职称级别, 职称系列, the unit, its city, its province, every field", () => {
    const exact = q("u1", "370102", "ENGINEERING", "INTERMEDIATE", "MASTER");
    expect([0, 1, 2, 3, 4, 5, 6, 7].map((l) => Object.values(generalise(exact, l)).join("|"))).toEqual([
      "u1|370102|ENGINEERING|INTERMEDIATE|MASTER",
      "u1|370102|ENGINEERING|INTERMEDIATE|*",
      "u1|370102|ENGINEERING|*|*",
      "u1|370102|*|*|*",
      "*|370102|*|*|*",
      "*|370100|*|*|*",
      "*|370000|*|*|*",
      "*|*|*|*|*",
    ]);
    expect(MAX_LEVEL).toBe(7);
  });

  /** Each case: its combinations as "unitId|region|titleSeries|titleLevel|education" (empty: none), their row counts and the level each is released at (null: suppressed). */
  it.each<[string, Array<[string, number, number | null]>]>([
    [
      "a rare 学历 is hidden; the common ones stay exact",
      [
        ["u1|370102|ENGINEERING|INTERMEDIATE|BACHELOR", 5, 0],
        ["u1|370102|ENGINEERING|INTERMEDIATE|MASTER", 2, 1],
        ["u1|370102|ENGINEERING|INTERMEDIATE|COLLEGE", 3, 1],
      ],
    ],
    [
      "two small units of one county merge at the unit step",
      [
        ["u1|370102|HEALTH|JUNIOR|BACHELOR", 3, 4],
        ["u2|370102|EDUCATION|JUNIOR|MASTER", 2, 4],
      ],
    ],
    [
      "a lone person of another city joins four others at the province step",
      [
        ["u1|370102|HEALTH|JUNIOR|BACHELOR", 4, 6],
        ["u5|370211|HEALTH|JUNIOR|BACHELOR", 1, 6],
      ],
    ],
    [
      "a lone remainder is joined by the smallest released group, every field generalised, so no row is lost",
      [
        ["u1|370102|ENGINEERING|DEPUTY_SENIOR|BACHELOR", 5, 7],
        ["u1|370102|ENGINEERING|JUNIOR|BACHELOR", 1, 7],
        ["u3|370103|HEALTH|JUNIOR|MASTER", 7, 0],
      ],
    ],
    ["fewer than k rows in the whole year are all suppressed", [["u1|370102|||", 4, null]]],
  ])("%s", (_case, combinations) => {
    const plan = planRelease(combinations.map(([key, rows]) => ({ q: qOf(key), rows })));
    expect(combinations.map(([key]) => [key, plan.levels.get(combinationKey(qOf(key)))])).toEqual(combinations.map(([key, , level]) => [key, level]));
  });

  it("suppresses a row whose combination it never counted", () => {
    const plan = planRelease([{ q: q("u1", "370102", null, null, null), rows: 9 }]);
    expect(releasedIdentifiers(plan, q("u2", "370102", null, null, null))).toBeNull();
    expect(releasedIdentifiers(plan, q("u1", "370102", null, null, null))?.unitId).toBe("u1");
    expect(GENERALISED).toBe("*");
  });
});

describe("the probe's join (issue 11 fault 1): extract rows against a roster", () => {
  it("matches no released row to exactly one person of the roster, even reading * as any value", () => {
    fc.assert(
      fc.property(yearOfCombinations, (counts) => {
        const roster = counts.flatMap((c) => Array.from({ length: c.rows }, () => c.q));
        const { rows } = releaseAll(counts);
        const fits = (r: QuasiIdentifiers, p: QuasiIdentifiers) =>
          (r.unitId === GENERALISED || r.unitId === p.unitId) &&
          (r.region === GENERALISED || (p.region ?? "").startsWith((r.region ?? "").replace(/(00)+$/, ""))) &&
          (r.titleSeries === GENERALISED || r.titleSeries === p.titleSeries) &&
          (r.titleLevel === GENERALISED || r.titleLevel === p.titleLevel) &&
          (r.education === GENERALISED || r.education === p.education);
        for (const r of rows) if (r) expect(roster.filter((p) => fits(r, p)).length).toBeGreaterThanOrEqual(DISCLOSURE_K);
      }),
      { seed: 20261130, numRuns: 200 },
    );
  });
});
