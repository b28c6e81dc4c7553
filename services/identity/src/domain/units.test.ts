import { DomainError, generateCreditCode, unitDepth } from "@ce/contracts";
import { describe, expect, it } from "vitest";
import { applyUnitPatch, type NewUnit, normalizeUnitCode, placeUnit } from "./units.ts";

const province = { id: "00000000-0000-4000-8000-000000000001", kind: "AUTHORITY", path: "/00000000-0000-4000-8000-000000000001/" };
const base: NewUnit = {
  name: "济南市交通运输局",
  kind: "AUTHORITY",
  nature: "GOVERNMENT",
  industry: "G",
  region: "370100",
  code: null,
  superiorId: province.id,
  status: "APPROVED",
  trainingLevel: null,
};
const id = "00000000-0000-4000-8000-000000000002";

describe("placing a unit in the hierarchy", () => {
  it("extends the superior's path and starts at version 1", () => {
    const unit = placeUnit(id, base, province);
    expect(unit.path).toBe(`${province.path}${id}/`);
    expect(unitDepth(unit.path)).toBe(1);
    expect(unit.version).toBe(1);
  });

  it("normalises the org or credit code", () => {
    const code = generateCreditCode("370100", "12345678");
    expect(placeUnit(id, { ...base, code: ` ${code.toLowerCase()} ` }, province).code).toBe(code);
    expect(normalizeUnitCode("")).toBeNull();
  });

  it("refuses an invalid code with the reason, on the code field", () => {
    expect(() => normalizeUnitCode("123456789012345678")).toThrow(DomainError);
    try {
      normalizeUnitCode("123456789012345678");
    } catch (e) {
      expect(e).toMatchObject({ kind: "BAD_REQUEST", field: "code" });
    }
  });

  it("puts only a supervising department at the root", () => {
    expect(() => placeUnit(id, { ...base, kind: "EMPLOYER", nature: "ENTERPRISE", superiorId: null }, null)).toThrow("请选择上级部门");
    expect(placeUnit(id, { ...base, superiorId: null }, null).path).toBe(`/${id}/`);
  });

  it("hangs units only under supervising departments", () => {
    expect(() => placeUnit(id, base, { ...province, kind: "EMPLOYER" })).toThrow("上级部门必须是主管部门");
  });

  it("requires a 施教级别 for a CE base and refuses one elsewhere", () => {
    expect(() => placeUnit(id, { ...base, kind: "TRAINING_BASE" }, province)).toThrow("请选择施教级别");
    expect(() => placeUnit(id, { ...base, trainingLevel: "INDUSTRY" }, province)).toThrow("只有继续教育基地有施教级别");
  });

  it("bumps the version on every update", () => {
    const unit = placeUnit(id, base, province);
    const renamed = applyUnitPatch(unit, { name: "济南市交通运输局（新）" });
    expect(renamed).toMatchObject({ name: "济南市交通运输局（新）", version: 2, path: unit.path });
    expect(applyUnitPatch(renamed, { status: "DISABLED" }).version).toBe(3);
  });
});
