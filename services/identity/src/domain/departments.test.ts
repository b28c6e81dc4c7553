import { describe, expect, it } from "vitest";
import { checkDisable, checkParentActive, type DepartmentRecord, orderTree } from "./departments.ts";

const d = (id: string, parentId: string | null, name: string, sortOrder = 0, status: "ACTIVE" | "DISABLED" = "ACTIVE"): DepartmentRecord => ({
  id,
  parentId,
  name,
  sortOrder,
  status,
});

const rows = [d("c", "a", "安全科", 2), d("a", null, "运输处", 1), d("b", "a", "客运科", 1), d("e", null, "办公室", 0), d("f", "b", "出租车组")];

describe("orderTree", () => {
  it("lists parents before children, siblings by 排序号", () => {
    expect(orderTree(rows).map((n) => `${"-".repeat(n.depth)}${n.name}`)).toEqual(["办公室", "运输处", "-客运科", "--出租车组", "-安全科"]);
  });

  it("keeps the ancestors of a match and marks only the match", () => {
    const nodes = orderTree(rows, "出租");
    expect(nodes.map((n) => [n.name, n.matched])).toEqual([
      ["运输处", false],
      ["客运科", false],
      ["出租车组", true],
    ]);
  });

  it("shows an orphan as a root instead of dropping it", () => {
    expect(orderTree([d("x", "missing", "孤立部门")]).map((n) => [n.name, n.depth])).toEqual([["孤立部门", 0]]);
  });

  it("returns nothing when nothing matches", () => {
    expect(orderTree(rows, "不存在")).toEqual([]);
  });

  // The name filter means what every list's does (contracts matchesSearch): literal, case-insensitive.
  it.each([
    ["it", ["IT部"]],
    ["IT", ["IT部"]],
    ["_", ["质检_一组"]],
    ["%", []],
    ["检_", ["质检_一组"]],
    ["检%", []],
  ])("filters by %j literally and case-insensitively → %j", (typed, matched) => {
    const tree = [d("g", null, "IT部", 3), d("h", null, "质检科", 4), d("i", "h", "质检_一组")];
    expect(
      orderTree(tree, typed)
        .filter((n) => n.matched)
        .map((n) => n.name),
    ).toEqual(matched);
  });
});

describe("disable and parent rules", () => {
  it("refuses to disable a department with active children or people", () => {
    expect(() => checkDisable({ activeChildren: 1, people: 0 })).toThrow("请先禁用下级部门");
    expect(() => checkDisable({ activeChildren: 0, people: 2 })).toThrow("请先调整他们的工作部门");
    expect(() => checkDisable({ activeChildren: 0, people: 0 })).not.toThrow();
  });

  it("refuses a disabled parent", () => {
    expect(() => checkParentActive({ status: "DISABLED" })).toThrow("上级部门已禁用");
    expect(() => checkParentActive(null)).not.toThrow();
    expect(() => checkParentActive({ status: "ACTIVE" })).not.toThrow();
  });
});
