import { describe, expect, it } from "vitest";
import { auditActionLabel, auditActionLabels, auditChanges } from "./audit.ts";

describe("auditChanges", () => {
  it("lists changed fields as old → new", () => {
    expect(auditChanges({ name: "甲", sortOrder: 0 }, { name: "乙", sortOrder: 0 })).toEqual([{ field: "name", from: "甲", to: "乙" }]);
  });
  it("shows every field of a creation or a removal", () => {
    expect(auditChanges(null, { name: "甲" })).toEqual([{ field: "name", from: "—", to: "甲" }]);
    expect(auditChanges({ name: "甲" }, null)).toEqual([{ field: "name", from: "甲", to: "—" }]);
  });
});

describe("操作日志 names every action", () => {
  it.each([
    ["professional.approve", "审核通过注册人员"],
    ["transfer.accept", "同意转入"],
    ["unitChange.requestSuperior", "申请更换上级部门"],
    ["professional.resetPassword", "重置专业技术人员密码"],
    // A code stored before it had a name, and names inherited from Object, show as they are.
    ["retired.action", "retired.action"],
    ["toString", "toString"],
    ["__proto__", "__proto__"],
  ])("%s → %s", (code, label) => {
    expect(auditActionLabel(code)).toBe(label);
  });

  it("gives each action its own name", () => {
    const names = Object.values(auditActionLabels);
    expect(new Set(names).size).toBe(names.length);
  });
});
