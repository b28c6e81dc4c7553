import { describe, expect, it } from "vitest";
import { checkChosenDepartment, checkChosenUnit, professionalUnitKinds } from "./registration.ts";

describe("registration choices", () => {
  it("accepts an approved unit of an offered kind", () => {
    expect(() => checkChosenUnit({ kind: "EMPLOYER", status: "APPROVED" }, professionalUnitKinds, "unitId", "所在单位")).not.toThrow();
  });

  it("refuses a missing, pending or wrong-kind unit, naming the field", () => {
    for (const unit of [null, { kind: "EMPLOYER", status: "PENDING" }, { kind: "EMPLOYER", status: "APPROVED" }]) {
      expect(() => checkChosenUnit(unit, ["AUTHORITY"], "superiorId", "上级主管部门")).toThrow(
        expect.objectContaining({ message: "请选择有效的上级主管部门", field: "superiorId" }),
      );
    }
  });

  it("takes only an active department of the chosen unit", () => {
    expect(() => checkChosenDepartment({ unitId: "u1", status: "ACTIVE" }, "u1")).not.toThrow();
    for (const d of [null, { unitId: "u2", status: "ACTIVE" }, { unitId: "u1", status: "DISABLED" }]) {
      expect(() => checkChosenDepartment(d, "u1")).toThrow(expect.objectContaining({ field: "departmentId" }));
    }
  });
});
