import { DomainError, generateCreditCode, unitDepth } from "@ce/contracts";
import { describe, expect, it } from "vitest";
import { applyUnitPatch, checkDeletable, checkSubordinate, claimsCode, type NewUnit, normalizeUnitCode, placeUnit } from "./units.ts";

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

describe("管理下级单位 rules", () => {
  const below = { path: `${province.path}${id}/`, status: "APPROVED" };
  it.each([
    ["an approved unit below the caller", below, true],
    ["a unit under review below the caller", { ...below, status: "PENDING" }, true],
    ["a deleted unit below the caller", { ...below, status: "DISABLED" }, false],
    ["the caller's own unit", { path: province.path, status: "APPROVED" }, false],
    ["a unit of another subtree", { path: "/00000000-0000-4000-8000-000000000009/", status: "APPROVED" }, false],
    ["no unit at all", null, false],
  ])("acts on %s: %s", (_, unit, allowed) => {
    const check = () => checkSubordinate(province.path, unit);
    if (allowed) expect(check).not.toThrow();
    else expect(check).toThrow(new DomainError("NOT_FOUND", "下级单位不存在", "unitId"));
  });

  it.each([
    [{ subordinates: 1, people: 1, pendingRequests: 1 }, "该单位还有下级单位，请先处理其下级单位"],
    [{ subordinates: 0, people: 2, pendingRequests: 1 }, "该单位还有专业技术人员（含待审核），不能删除"],
    [{ subordinates: 0, people: 0, pendingRequests: 1 }, "该单位还有待审核的申请，请处理后再删除"],
  ])("refuses to delete a unit with %o", (dependents, message) => {
    expect(() => checkDeletable(dependents)).toThrow(new DomainError("CONFLICT", message));
  });

  it("deletes a unit on which nothing hangs", () => {
    expect(() => checkDeletable({ subordinates: 0, people: 0, pendingRequests: 0 })).not.toThrow();
  });
});

describe("claimsCode: when a unit comes to hold its code", () => {
  const u = (status: "PENDING" | "APPROVED" | "REJECTED" | "DISABLED", code: string | null = "C1") => ({ status, code });
  it.each([
    ["a new pending claim", null, u("PENDING"), false],
    ["a new approved unit", null, u("APPROVED"), true],
    ["a new unit without a code", null, u("APPROVED", null), false],
    ["approving a pending claim", u("PENDING"), u("APPROVED"), true],
    ["rejecting a pending claim", u("PENDING"), u("REJECTED"), false],
    ["an approved unit changing its code", u("APPROVED"), u("APPROVED", "C2"), true],
    ["an approved unit keeping its code", u("APPROVED"), u("APPROVED"), false],
    ["disabling an approved unit", u("APPROVED"), u("DISABLED"), false],
    ["a pending claim changing its code", u("PENDING"), u("PENDING", "C2"), false],
    ["approving a rejected one again", u("REJECTED"), u("APPROVED"), true],
  ] as const)("%s → %s", (_case, current, next, expected) => {
    expect(claimsCode(current, next)).toBe(expected);
  });
});
