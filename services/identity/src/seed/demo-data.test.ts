import { isValidCreditCode, parseResidentId, regionName } from "@ce/contracts";
import { describe, expect, it } from "vitest";
import { demoProfessionals, demoUnits } from "./demo-data.ts";
import { demoLogins } from "./demo-logins.ts";
import { femaleGivenNames, maleGivenNames } from "./names.ts";

describe("demo data", () => {
  const people = demoProfessionals();

  it("gives every unit a valid, distinct credit code and a known region", () => {
    expect(demoUnits.every((u) => isValidCreditCode(u.code))).toBe(true);
    expect(new Set(demoUnits.map((u) => u.code)).size).toBe(demoUnits.length);
    expect(demoUnits.every((u) => regionName(u.region) !== undefined)).toBe(true);
  });

  it("has 300 professionals with valid, distinct resident IDs that no admin shares", () => {
    const ids = [...people.map((p) => p.idNumber), ...demoUnits.map((u) => u.admin.idNumber)];
    expect(people).toHaveLength(300);
    expect(ids.every((id) => parseResidentId(id).ok)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("gives each person a given name that fits the sex in their ID number", () => {
    for (const p of people) {
      const parsed = parseResidentId(p.idNumber);
      const given: readonly string[] = parsed.ok && parsed.value.sex === "M" ? maleGivenNames : femaleGivenNames;
      expect(given).toContain(p.name.slice(1));
    }
  });

  it("keeps a handful of registrations pending review", () => {
    const pending = people.filter((p) => p.status === "PENDING");
    expect(pending.length).toBeGreaterThan(0);
    expect(pending.length).toBeLessThan(10);
  });

  it("comes out the same on every run", () => {
    expect(demoProfessionals(5)).toEqual(people.slice(0, 5));
  });

  it("lists the province admin of the guide's header among the logins", () => {
    expect(demoLogins[0]).toMatchObject({ userType: "AUTHORITY", name: "山东交通厅管理员", unit: "山东省交通运输厅", password: "Ce123456" });
    expect(demoLogins.filter((l) => l.userType === "PROFESSIONAL")).toHaveLength(2);
  });
});
