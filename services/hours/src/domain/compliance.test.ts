import { describe, expect, it } from "vitest";
import { assessCompliance, NATIONAL_RULE, pickRule } from "./compliance.ts";

describe("assessCompliance", () => {
  it("is 合格 at exactly 90 hours with exactly two thirds professional", () => {
    expect(assessCompliance(NATIONAL_RULE, { general: 30, professional: 60 })).toEqual({
      general: 30,
      professional: 60,
      total: 90,
      compliant: true,
      missingTotal: 0,
      missingProfessional: 0,
    });
  });

  it("is 不合格 one hour under the two-thirds share, needing 3 more professional hours", () => {
    const r = assessCompliance(NATIONAL_RULE, { general: 31, professional: 59 });
    expect(r.compliant).toBe(false);
    // (59 + x) * 3 >= (90 + x) * 2  →  x >= 3
    expect(r.missingProfessional).toBe(3);
    expect(r.missingTotal).toBe(3);
  });

  it("accepts more than two thirds and more than 90 hours", () => {
    expect(assessCompliance(NATIONAL_RULE, { general: 10, professional: 100 }).compliant).toBe(true);
  });

  it("is 不合格 under 90 hours even when all are professional, saying how many are missing", () => {
    const r = assessCompliance(NATIONAL_RULE, { general: 0, professional: 80 });
    expect(r).toMatchObject({ compliant: false, total: 80, missingTotal: 10, missingProfessional: 0 });
  });

  it("counts the professional hours a newcomer needs towards 90", () => {
    expect(assessCompliance(NATIONAL_RULE, { general: 0, professional: 0 })).toMatchObject({ missingTotal: 90, missingProfessional: 60 });
  });

  it("follows a configured rule", () => {
    expect(assessCompliance({ minTotal: 72, professionalShareNum: 1, professionalShareDen: 2 }, { general: 36, professional: 36 }).compliant).toBe(true);
  });
});

describe("pickRule", () => {
  const rules = [
    { id: "default", year: null, region: null },
    { id: "2026", year: 2026, region: null },
    { id: "sd", year: null, region: "370000" },
    { id: "jn-2026", year: 2026, region: "370100" },
  ];
  it("prefers year and region, then year, then region, then the default", () => {
    expect(pickRule(rules, 2026, "370103")?.id).toBe("jn-2026");
    expect(pickRule(rules, 2026, "370200")?.id).toBe("2026");
    expect(pickRule(rules, 2025, "370200")?.id).toBe("sd");
    expect(pickRule(rules, 2025, "110000")?.id).toBe("default");
    expect(pickRule(rules, 2025, null)?.id).toBe("default");
  });
});
