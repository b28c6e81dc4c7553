import { describe, expect, it } from "vitest";
import { decideStep, type PendingDeclaration } from "./approval.ts";

const chain = [
  { id: "u-bus", name: "济南公共交通集团有限公司" },
  { id: "u-jinan", name: "济南市交通运输局" },
  { id: "u-province", name: "山东省交通运输厅" },
];
const pending: PendingDeclaration = { id: "d1", status: "PENDING", currentHandlerId: "u-jinan", stepIndex: 1, chain, requestedHours: 40, computedHours: 36 };

describe("decideStep", () => {
  it("moves an approved declaration to the next unit, recognising the computed hours by default", () => {
    expect(decideStep(pending, "u-jinan", { kind: "APPROVE" })).toEqual({ status: "PENDING", stepIndex: 2, currentHandlerId: "u-province", recognizedHours: 36, final: false });
  });

  it("makes it 审核通过 at the last unit of the chain", () => {
    const atProvince = { ...pending, stepIndex: 2, currentHandlerId: "u-province" };
    expect(decideStep(atProvince, "u-province", { kind: "APPROVE", recognizedHours: 30 })).toEqual({
      status: "APPROVED",
      stepIndex: 2,
      currentHandlerId: null,
      recognizedHours: 30,
      final: true,
    });
  });

  it("caps the default at what was claimed", () => {
    expect(decideStep({ ...pending, requestedHours: 20 }, "u-jinan", { kind: "APPROVE" }).recognizedHours).toBe(20);
  });

  it("refuses 认定学时 above 申报学时 or above the rule's cap", () => {
    expect(() => decideStep(pending, "u-jinan", { kind: "APPROVE", recognizedHours: 41 })).toThrow("认定学时不能超过申报学时40");
    expect(() => decideStep(pending, "u-jinan", { kind: "APPROVE", recognizedHours: 37 })).toThrow("认定学时不能超过该学习形式的上限36学时");
  });

  it("ends a rejected declaration as 审核不通过", () => {
    expect(decideStep(pending, "u-jinan", { kind: "REJECT" })).toMatchObject({ status: "REJECTED", currentHandlerId: null, final: true });
  });

  it("refuses a decision when the declaration is not waiting for this unit", () => {
    expect(() => decideStep(pending, "u-province", { kind: "APPROVE" })).toThrow("该申报已被处理或当前不由本单位审批");
    expect(() => decideStep({ ...pending, status: "APPROVED" }, "u-jinan", { kind: "REJECT" })).toThrow("该申报已被处理");
  });
});
