import { describe, expect, it } from "vitest";
import { complianceWindow } from "./compliance-as-of.ts";

// The seeded rule's shape: 90 学时, 2/3 professional (the judge here is a stand-in that says which years it was asked about).
const asked: number[] = [];
const judge = (year: number, h: { general: number; professional: number }) => {
  asked.push(year);
  return h.general + h.professional >= 90;
};

describe("complianceWindow", () => {
  it("answers every person-year of the window oldest first, 0 学时 and judged for a year without records", () => {
    asked.length = 0;
    const years = [
      { year: 2026, general: 30, professional: 60, compliant: true },
      { year: 2024, general: 10, professional: 20, compliant: false },
      { year: 2020, general: 90, professional: 90, compliant: true },
    ];
    expect(complianceWindow(years, [2026, 2024, 2025], judge)).toEqual([
      { year: 2024, general: 10, professional: 20, total: 30, compliant: false },
      { year: 2025, general: 0, professional: 0, total: 0, compliant: false },
      { year: 2026, general: 30, professional: 60, total: 90, compliant: true },
    ]);
    // Years with records keep the verdict 学习记录 gave them; only the empty year is judged here.
    expect(asked).toEqual([2025]);
  });

  it("answers a one-year window", () => {
    expect(complianceWindow([], [2026], () => false)).toEqual([{ year: 2026, general: 0, professional: 0, total: 0, compliant: false }]);
  });

  it("leaves out the years without a person-year (before the registration), even with hours in them", () => {
    asked.length = 0;
    const years = [{ year: 2025, general: 30, professional: 60, compliant: true }];
    expect(complianceWindow(years, [2026], judge)).toEqual([{ year: 2026, general: 0, professional: 0, total: 0, compliant: false }]);
    expect(complianceWindow(years, [], judge)).toEqual([]);
  });
});
