import { describe, expect, it } from "vitest";
import { checkTargetUnit, checkTransferable, checkUndecided } from "./transfers.ts";

describe("人员调转 rules", () => {
  it("transfers only approved professionals", () => {
    expect(() => checkTransferable({ status: "APPROVED", unitId: "u" })).not.toThrow();
    expect(() => checkTransferable({ status: "PENDING", unitId: "u" })).toThrow("只能调转审核通过的专业技术人员");
    expect(() => checkTransferable(null)).toThrow(expect.objectContaining({ field: "accountId" }));
  });

  it("needs another approved employer as the target", () => {
    expect(() => checkTargetUnit({ id: "b", kind: "EMPLOYER", status: "APPROVED" }, "a")).not.toThrow();
    expect(() => checkTargetUnit({ id: "a", kind: "EMPLOYER", status: "APPROVED" }, "a")).toThrow("调入单位不能是本单位");
    expect(() => checkTargetUnit({ id: "b", kind: "AUTHORITY", status: "APPROVED" }, "a")).toThrow("请选择有效的调入单位");
    expect(() => checkTargetUnit({ id: "b", kind: "EMPLOYER", status: "PENDING" }, "a")).toThrow("请选择有效的调入单位");
  });

  it("decides a transfer once", () => {
    expect(() => checkUndecided("PENDING")).not.toThrow();
    expect(() => checkUndecided("ACCEPTED")).toThrow(expect.objectContaining({ kind: "CONFLICT" }));
  });
});
