import { describe, expect, it } from "vitest";
import { checkChosenDepartment, checkChosenUnit, professionalUnitKinds, registrationRejectedMail, rejectedRegistration } from "./registration.ts";

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

describe("a rejected registration a new one may replace", () => {
  const unit = (status: string, kind = "EMPLOYER") => ({ id: "u1", kind, status });
  it.each([
    ["a 驳回ed professional", { status: "ACTIVE", professional: { status: "REJECTED", unitId: "u1" }, admin: null }, { kind: "PROFESSIONAL", unitId: "u1" }],
    [
      "the applicant of an employer 不通过",
      { status: "ACTIVE", professional: null, admin: { isSuper: true, unit: unit("REJECTED") } },
      { kind: "EMPLOYER", unitId: "u1" },
    ],
    ["a pending professional", { status: "ACTIVE", professional: { status: "PENDING", unitId: "u1" }, admin: null }, null],
    ["an approved professional", { status: "ACTIVE", professional: { status: "APPROVED", unitId: "u1" }, admin: null }, null],
    ["a disabled account", { status: "DISABLED", professional: { status: "REJECTED", unitId: "u1" }, admin: null }, null],
    [
      "a rejected professional who is an admin",
      { status: "ACTIVE", professional: { status: "REJECTED", unitId: "u1" }, admin: { isSuper: false, unit: unit("APPROVED") } },
      null,
    ],
    ["a non-super admin of a rejected unit", { status: "ACTIVE", professional: null, admin: { isSuper: false, unit: unit("REJECTED") } }, null],
    ["the admin of a pending employer", { status: "ACTIVE", professional: null, admin: { isSuper: true, unit: unit("PENDING") } }, null],
  ])("%s", (_label, account, expected) => {
    expect(rejectedRegistration(account)).toEqual(expected);
  });

  it("mails the reason, the reviewer and the form to register again with", () => {
    const mail = registrationRejectedMail({
      name: "张三",
      kind: "EMPLOYER",
      reason: "代码不符",
      reviewer: "济南市交通运输局",
      link: "http://p/register/employer",
    });
    expect(mail.body).toContain("用人单位注册申请未通过审核（审核单位：济南市交通运输局）");
    expect(mail.body).toContain("原因：代码不符");
    expect(mail.body).toContain("http://p/register/employer");
    expect(mail.body).not.toContain("请直接登录");
  });
});
