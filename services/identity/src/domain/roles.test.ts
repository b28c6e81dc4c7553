import { permissionGroups } from "@ce/contracts";
import { describe, expect, it } from "vitest";

describe("permissionGroups", () => {
  it("groups every module under its menu, in menu order", () => {
    const groups = permissionGroups();
    expect(groups.map((g) => g.menu).slice(0, 3)).toEqual(["基本信息修改", "管理直属账户", "审核账户"]);
    expect(groups.flatMap((g) => g.modules).length).toBe(20);
    expect(groups.find((g) => g.menu === "管理直属账户")?.modules.map((m) => m.code)).toContain("audit.view");
  });
});
