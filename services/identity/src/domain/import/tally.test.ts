import { describe, expect, it } from "vitest";
import { departmentIndex, importChoices, pickChoice, pickDepartment } from "./choices.ts";
import { DryRunTally, duplicateMessages } from "./tally.ts";
import { templateLists, templateNote } from "./template.ts";

describe("DryRunTally: 可导入 / 有错误 / 重复 in row order", () => {
  it("counts valid, invalid, in-file and registered duplicates, and keeps the first errors", () => {
    const tally = new DryRunTally(3);
    expect(tally.valid(3, "RESIDENT_ID", "370102198801020019", "free")).toBe(false);
    tally.invalid(4, [
      { column: "姓名", message: "姓名不能为空" },
      { column: "手机号", message: "手机号应为11位手机号码" },
    ]);
    expect(tally.valid(5, "RESIDENT_ID", "370102198801020019", "free")).toBe(true);
    expect(tally.valid(6, "RESIDENT_ID", "370102199005060022", "registered")).toBe(true);
    // The same number under another 证件类型 is the same person.
    expect(tally.valid(7, "PASSPORT", "370102198801020019", "free")).toBe(true);
    tally.note("第9行起连续1000行为空");
    expect(tally.result()).toEqual({
      rows: 5,
      importable: 1,
      invalid: 1,
      duplicates: 3,
      errors: [
        { row: 4, column: "姓名", message: "姓名不能为空" },
        { row: 4, column: "手机号", message: "手机号应为11位手机号码" },
        { row: 5, column: "证件号", message: duplicateMessages.inFile(3) },
      ],
      errorsTruncated: true,
      notes: ["第9行起连续1000行为空"],
    });
  });

  it("a registered number repeated later in the file points at its first row", () => {
    const tally = new DryRunTally();
    tally.valid(2, "RESIDENT_ID", "X", "registered");
    tally.valid(3, "RESIDENT_ID", "X", "registered");
    expect(tally.result().errors.map((e) => e.message)).toEqual([duplicateMessages.registered, duplicateMessages.inFile(2)]);
  });

  it("a row the day's lookup budget left unchecked is 有错误 on 证件号, never importable, and its later repeat points at it", () => {
    const tally = new DryRunTally();
    // [row, number, answer, counts as 重复]
    const table: [number, string, "free" | "registered" | "unchecked", boolean][] = [
      [2, "A", "free", false],
      [3, "B", "registered", true],
      [4, "C", "unchecked", false],
      [5, "D", "unchecked", false],
      [6, "C", "unchecked", true],
      [7, "A", "unchecked", true],
    ];
    for (const [row, n, answer, repeat] of table) expect(tally.valid(row, "RESIDENT_ID", n, answer)).toBe(repeat);
    expect(tally.firstRowOf("C")).toBe(4);
    expect(tally.firstRowOf("E")).toBeUndefined();
    const result = tally.result();
    expect(result).toMatchObject({ rows: 6, importable: 1, invalid: 2, duplicates: 3 });
    expect(result.errors.map((e) => [e.row, e.message])).toEqual([
      [3, duplicateMessages.registered],
      [4, duplicateMessages.unchecked],
      [5, duplicateMessages.unchecked],
      [6, duplicateMessages.inFile(4)],
      [7, duplicateMessages.inFile(2)],
    ]);
    expect(duplicateMessages.unchecked).toContain("今日证件号核对次数已用完");
    expect(result.notes).toEqual([duplicateMessages.uncheckedNote(4)]);
  });
});

describe("code lists and departments by what people type", () => {
  it.each([
    ["本科", "BACHELOR"],
    ["BACHELOR", "BACHELOR"],
    [" bachelor ", "BACHELOR"],
    ["大学专科", "ASSOCIATE"],
    ["博士研究生", "DOCTORATE"],
    ["ｂａｃｈｅｌｏｒ", "BACHELOR"],
  ])("学历 %s → %s", (typed, code) => {
    expect(pickChoice(importChoices.education, typed)).toEqual({ ok: true, code });
  });

  it("a department path through three levels, and a renamed-away department refused", () => {
    const index = departmentIndex([
      { id: "a", name: "总部", parentId: null },
      { id: "b", name: "工程部", parentId: "a" },
      { id: "c", name: "一科", parentId: "b" },
    ]);
    expect(pickDepartment(index, "一科")).toEqual({ ok: true, id: "c" });
    expect(pickDepartment(index, "总部/工程部/一科")).toEqual({ ok: true, id: "c" });
    expect(pickDepartment(index, "总部>工程部")).toEqual({ ok: true, id: "b" });
    expect(pickDepartment(index, "二科").ok).toBe(false);
    expect(index.labels).toEqual(["总部", "工程部", "一科"]);
  });
});

describe("the template's note and drop-downs", () => {
  it("names the required columns and offers every code list and the unit's departments", () => {
    expect(templateNote()).toMatch(/姓名、证件号、手机号、电子邮箱、学历、专业技术职务系列、职称级别/);
    const lists = templateLists(departmentIndex([{ id: "a", name: "办公室", parentId: null }]));
    expect(lists.map((l) => [l.header, l.values.length])).toEqual([
      ["证件类型", 6],
      ["性别", 2],
      ["学历", 7],
      ["专业技术职务系列", 24],
      ["职称级别", 5],
      ["工作部门", 1],
    ]);
    expect(templateLists(departmentIndex([])).some((l) => l.key === "department")).toBe(false);
  });
});
