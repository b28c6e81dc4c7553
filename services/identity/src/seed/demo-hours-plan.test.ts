import { describe, expect, it } from "vitest";
import { demoProfessionals } from "./demo-data.ts";
import { demoHoursPlan, PLAN_TRANSFER, SEEDED } from "./demo-hours-plan.ts";

describe("the demo hour records' plan", () => {
  const people = demoProfessionals();
  const plan = demoHoursPlan(people);

  it("is the same on every start and spans the current year and the four before it", () => {
    expect(demoHoursPlan(demoProfessionals())).toEqual(plan);
    expect(new Set(plan.map((r) => r.yearsBack))).toEqual(new Set([0, 1, 2, 3, 4]));
  });

  it("has approved, rejected, pending and voided records, only for approved people among the first SEEDED", () => {
    const count = (o: string) => plan.filter((r) => r.outcome === o).length;
    expect({ APPROVE: count("APPROVE"), REJECT: count("REJECT"), PENDING: count("PENDING"), VOID: count("VOID"), all: plan.length }).toEqual({
      APPROVE: 328,
      REJECT: 10,
      PENDING: 10,
      VOID: 9,
      all: 357,
    });
    for (const r of plan) {
      expect(r.person).toBeLessThan(SEEDED);
      expect(people[r.person]?.status).toBe("APPROVED");
    }
  });

  it("makes some people compliant last year (公需 30 + 专业 60 approved) and some not", () => {
    const lastYear = (person: number) => plan.filter((r) => r.person === person && r.yearsBack === 1 && r.outcome === "APPROVE");
    const compliant = (person: number) => {
      const rs = lastYear(person);
      const total = rs.reduce((n, r) => n + r.hours, 0);
      return total >= 90 && rs.filter((r) => r.subject === "PROFESSIONAL").reduce((n, r) => n + r.hours, 0) * 3 >= total * 2;
    };
    const studied = [...new Set(plan.map((r) => r.person))];
    expect(studied.filter(compliant).length).toBeGreaterThan(0);
    expect(studied.filter((p) => !compliant(p)).length).toBeGreaterThan(0);
  });

  it("transfers a person of 济南公共交通集团 who has records", () => {
    expect(people[PLAN_TRANSFER.person]?.unitKey).toBe(PLAN_TRANSFER.fromUnitKey);
    expect(plan.some((r) => r.person === PLAN_TRANSFER.person)).toBe(true);
  });
});
