import { describe, expect, it } from "vitest";
import { auditSkipMessage, awaitsAudit, decideStep, type PendingDeclaration, skipMessage, waitsFor } from "./approval.ts";

const chain = [
  { id: "u-bus", name: "济南公共交通集团有限公司" },
  { id: "u-jinan", name: "济南市交通运输局" },
  { id: "u-province", name: "山东省交通运输厅" },
];
const pending: PendingDeclaration = {
  id: "d1",
  status: "PENDING",
  currentHandlerId: "u-jinan",
  stepIndex: 1,
  chain,
  requestedHours: 40,
  computedHours: 36,
  recognizedHours: null,
};

describe("decideStep", () => {
  it("moves an approved declaration to the next unit, recognising the computed hours by default", () => {
    expect(decideStep(pending, "u-jinan", { kind: "APPROVE" })).toEqual({
      status: "PENDING",
      stepIndex: 2,
      currentHandlerId: "u-province",
      recognizedHours: 36,
      final: false,
    });
  });

  it("makes it 审核通过 at the last unit of the chain", () => {
    const atProvince = { ...pending, stepIndex: 2, currentHandlerId: "u-province", recognizedHours: 36 };
    expect(decideStep(atProvince, "u-province", { kind: "APPROVE", recognizedHours: 30, reason: "部分课时不符合规定" })).toEqual({
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

  // 申报 4, the city approves 2 (with a reason), the province batch-approves: 2 stays.
  it("keeps the lower level's 认定学时 when the upper level approves without a figure", () => {
    const claim = { ...pending, requestedHours: 4, computedHours: 4, stepIndex: 1, currentHandlerId: "u-jinan" };
    const city = decideStep(claim, "u-jinan", { kind: "APPROVE", recognizedHours: 2, reason: "证明材料只覆盖半天" });
    expect(city).toMatchObject({ status: "PENDING", currentHandlerId: "u-province", recognizedHours: 2 });
    const atProvince = { ...claim, stepIndex: city.stepIndex, currentHandlerId: city.currentHandlerId, recognizedHours: city.recognizedHours };
    expect(decideStep(atProvince, "u-province", { kind: "APPROVE" })).toMatchObject({ status: "APPROVED", recognizedHours: 2, final: true });
  });

  type Case = [label: string, current: number | null, asked: number | undefined, reason: string | undefined, outcome: number | string];
  // requestedHours 40, computedHours 36: the first level starts from 36, later levels from `current`.
  it.each<Case>([
    ["first level, no figure: the computed default", null, undefined, undefined, 36],
    ["first level keeps the default explicitly", null, 36, undefined, 36],
    ["first level lowers with a reason", null, 30, "只认定30学时", 30],
    ["first level lowers without a reason", null, 30, undefined, "认定学时低于36学时，请填写调减说明"],
    ["first level lowers with a blank reason", null, 30, "   ", "认定学时低于36学时，请填写调减说明"],
    ["upper level, no figure: the lower level's", 20, undefined, undefined, 20],
    ["upper level keeps the lower figure explicitly", 20, 20, undefined, 20],
    ["upper level lowers further with a reason", 20, 12, "部分课时重复", 12],
    ["upper level lowers to 0 with a reason", 20, 0, "与其他申报重复", 0],
    ["upper level lowers without a reason", 20, 12, undefined, "认定学时低于20学时，请填写调减说明"],
    ["upper level raises back above the lower figure", 20, 36, "恢复", "认定学时不能高于下级单位已认定的20学时"],
    ["upper level raises by one", 20, 21, undefined, "认定学时不能高于下级单位已认定的20学时"],
    ["a lower level recognised 0: the upper keeps 0", 0, undefined, undefined, 0],
    ["a lower level recognised 0: no raise", 0, 1, "x", "认定学时不能高于下级单位已认定的0学时"],
    ["above 申报学时 stays refused", 20, 41, undefined, "认定学时不能超过申报学时40"],
  ])("%s", (_label, current, asked, reason, outcome) => {
    const d = { ...pending, recognizedHours: current };
    const run = () => decideStep(d, "u-jinan", { kind: "APPROVE", recognizedHours: asked, reason });
    if (typeof outcome === "number") expect(run().recognizedHours).toBe(outcome);
    else expect(run).toThrow(outcome);
  });

  it("names the field each refusal belongs to", () => {
    const d = { ...pending, recognizedHours: 20 };
    const fieldOf = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        return (e as { field?: string }).field;
      }
    };
    expect(fieldOf(() => decideStep(d, "u-jinan", { kind: "APPROVE", recognizedHours: 25 }))).toBe("recognizedHours");
    expect(fieldOf(() => decideStep(d, "u-jinan", { kind: "APPROVE", recognizedHours: 10 }))).toBe("reason");
  });

  it("ends a rejected declaration as 审核不通过", () => {
    expect(decideStep(pending, "u-jinan", { kind: "REJECT" })).toMatchObject({ status: "REJECTED", currentHandlerId: null, final: true });
  });

  it("refuses a decision when the declaration is not waiting for this unit", () => {
    expect(() => decideStep(pending, "u-province", { kind: "APPROVE" })).toThrow("该申报已被处理或当前不由本单位审批");
    expect(() => decideStep({ ...pending, status: "APPROVED" }, "u-jinan", { kind: "REJECT" })).toThrow("该申报已被处理");
  });
});

describe("what a batch decides and what it skips (batch contract)", () => {
  it.each([
    ["waiting at this unit", { status: "PENDING", currentHandlerId: "u-jinan" }, true, "已被其他管理员处理"],
    ["moved on to the next level", { status: "PENDING", currentHandlerId: "u-province" }, false, "已被其他管理员处理"],
    ["approved by another admin", { status: "APPROVED", currentHandlerId: null }, false, "已被其他管理员处理"],
    ["rejected by another admin", { status: "REJECTED", currentHandlerId: null }, false, "已被其他管理员处理"],
    ["withdrawn by the declarant", { status: "WITHDRAWN", currentHandlerId: null }, false, "已被申报人撤回"],
  ])("学时审批: %s → waits %s", (_label, d, waits, message) => {
    expect(waitsFor(d, "u-jinan")).toBe(waits);
    if (!waits) expect(skipMessage(d)).toBe(message);
  });

  it.each([
    ["APPROVED", true, ""],
    ["FILED", false, "已被其他管理员处理"],
    ["VOIDED", false, "已被其他管理员处理"],
    ["PENDING", false, "不是待审验的记录"],
    ["WITHDRAWN", false, "不是待审验的记录"],
  ])("学时审验: a %s record → waits %s", (status, waits, message) => {
    expect(awaitsAudit({ status })).toBe(waits);
    if (!waits) expect(auditSkipMessage({ status })).toBe(message);
  });
});
