import { describe, expect, it } from "vitest";
import { approversOf, checkNewSuperior, movedPath, requestOutcome } from "./unit-changes.ts";

const unit = { id: "u", path: "/sd/jn/u/", superiorId: "jn" };
const authority = (id: string, path: string, over: Partial<{ kind: string; status: string }> = {}) => ({
  id,
  path,
  kind: "AUTHORITY",
  status: "APPROVED",
  ...over,
});

describe("checkNewSuperior", () => {
  it("accepts another approved authority", () => {
    expect(() => checkNewSuperior(unit, authority("qd", "/sd/qd/"))).not.toThrow();
  });
  it("refuses the current superior, the unit itself, its subtree and non-authorities", () => {
    expect(() => checkNewSuperior(unit, authority("jn", "/sd/jn/"))).toThrow("已是本单位的上级部门");
    expect(() => checkNewSuperior(unit, authority("u", "/sd/jn/u/"))).toThrow("下级单位");
    expect(() => checkNewSuperior(unit, authority("c", "/sd/jn/u/c/"))).toThrow("下级单位");
    expect(() => checkNewSuperior(unit, authority("e", "/sd/qd/e/", { kind: "EMPLOYER" }))).toThrow("主管部门");
    expect(() => checkNewSuperior(unit, authority("p", "/sd/p/", { status: "PENDING" }))).toThrow("主管部门");
    expect(() => checkNewSuperior({ ...unit, superiorId: null }, authority("qd", "/sd/qd/"))).toThrow("没有上级部门");
  });
});

describe("approvals", () => {
  it("asks the superior for a code change and both superiors for a move", () => {
    expect(approversOf({ kind: "CODE", oldSuperiorId: "jn", newSuperiorId: null })).toEqual(["jn"]);
    expect(approversOf({ kind: "SUPERIOR", oldSuperiorId: "jn", newSuperiorId: "qd" })).toEqual(["jn", "qd"]);
  });
  it("applies only when all approved; any rejection rejects", () => {
    expect(requestOutcome([{ status: "APPROVED" }, { status: "PENDING" }])).toBe("PENDING");
    expect(requestOutcome([{ status: "APPROVED" }, { status: "APPROVED" }])).toBe("APPROVED");
    expect(requestOutcome([{ status: "PENDING" }, { status: "REJECTED" }])).toBe("REJECTED");
  });
  it("moves a path below the new superior", () => {
    expect(movedPath("/sd/jn/u/", "/sd/qd/")).toBe("/sd/qd/u/");
  });
});
