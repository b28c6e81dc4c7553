import { describe, expect, it } from "vitest";
import { type AuditAction, auditActionLabel, auditActionLabels, auditChanges, auditView, unchangedFields } from "./audit.ts";
import { auditCases as cases } from "./audit-cases.test-support.ts";

describe("auditChanges", () => {
  it("lists changed fields as old → new, by their Chinese names", () => {
    expect(auditChanges("department", { name: "甲", sortOrder: 0 }, { name: "乙", sortOrder: 0 })).toEqual([
      { field: "name", label: "部门名称", from: "甲", to: "乙" },
    ]);
  });
  it("shows every field of a creation or a removal", () => {
    expect(auditChanges("role", null, { name: "甲" })).toEqual([{ field: "name", label: "角色名称", from: "—", to: "甲" }]);
    expect(auditChanges("role", { name: "甲" }, null)).toEqual([{ field: "name", label: "角色名称", from: "甲", to: "—" }]);
  });
  it("leaves out the ids and paths of rows written before names were stored", () => {
    const before = { superiorId: "0b9c2a4e-6f1d-4c8e-9a55-3c1f2e7d8b90", path: "/a/b/" };
    expect(auditChanges("unit", before, { superiorId: "5d2f7c1a-0e3b-4d6a-8f9c-1b2a3c4d5e6f", path: "/c/b/" })).toEqual([]);
  });
});

describe("操作日志 names every action", () => {
  it.each([
    ["professional.approve", "审核通过注册人员"],
    ["transfer.accept", "同意转入"],
    ["unitChange.requestSuperior", "申请更换上级部门"],
    ["professional.resetPassword", "重置专业技术人员密码"],
    ["declaration.approve", "学时审核通过"],
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

describe("操作日志 in the guide's words", () => {
  it.each(Object.entries(cases))("%s → the row the page prints", (action, c) => {
    const line = auditView({ action, entityType: c.entityType, before: c.before ?? null, after: c.after ?? null });
    expect(line.action).toBe(auditActionLabels[action as AuditAction]);
    expect({ object: line.object, changes: line.changes.map((x) => [x.label, x.from, x.to]) }).toEqual(c.shows);
  });

  it("prints no code, field name or id: nothing a person sees is ASCII letters (机构代码 values aside)", () => {
    for (const [action, c] of Object.entries(cases)) {
      const line = auditView({ action, entityType: c.entityType, before: c.before ?? null, after: c.after ?? null });
      const shown = [line.action, line.object, ...line.changes.filter((x) => x.field !== "code").flatMap((x) => [x.label, x.from, x.to])];
      for (const text of shown) expect(text, `${action}: ${text}`).not.toMatch(/[A-Za-z]/);
    }
  });
});

describe("unchangedFields", () => {
  it.each([
    ["the same fields", { name: "财务科", sortOrder: 1 }, { name: "财务科", sortOrder: 1 }, true],
    ["a field renamed", { name: "财务科", sortOrder: 1 }, { name: "财务处", sortOrder: 1 }, false],
    ["0 against 1", { sortOrder: 0 }, { sortOrder: 1 }, false],
    ["stored fields not submitted are not compared", { id: "x", name: "财务科", status: "ACTIVE" }, { name: "财务科" }, true],
    ["null stored, nothing submitted", { industry: null }, { industry: undefined }, true],
    ["null stored, a value submitted", { industry: null }, { industry: "G" }, false],
    ["the same list", { permissions: ["a", "b"] }, { permissions: ["a", "b"] }, true],
    ["a list in another order (callers sort a set first)", { permissions: ["a", "b"] }, { permissions: ["b", "a"] }, false],
    ["objects with keys in another order", { rule: { kind: "ACTUAL", cap: 90 } }, { rule: { cap: 90, kind: "ACTUAL" } }, true],
    ["a number against its text", { sortOrder: 1 }, { sortOrder: "1" }, false],
    ["nothing submitted", { name: "财务科" }, {}, true],
  ])("%s → %s", (_, before, after, same) => {
    expect(unchangedFields(before, after)).toBe(same);
  });
});
