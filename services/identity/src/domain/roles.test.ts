import { permissionGroups } from "@ce/contracts";
import { describe, expect, it } from "vitest";
import { checkGrantable } from "./roles.ts";

describe("checkGrantable", () => {
  it("lets the super admin grant anything and others only what they hold", () => {
    expect(() => checkGrantable({ isSuper: true, permissions: [] }, ["review.employer"])).not.toThrow();
    expect(() => checkGrantable({ isSuper: false, permissions: ["role.manage", "hours.approve"] }, ["hours.approve"])).not.toThrow();
    expect(() => checkGrantable({ isSuper: false, permissions: ["role.manage"] }, ["hours.approve", "review.employer"])).toThrow("学时审批、审核用人单位");
  });
});

describe("permissionGroups", () => {
  it("groups every module under its menu, in menu order", () => {
    const groups = permissionGroups();
    expect(groups.map((g) => g.menu).slice(0, 3)).toEqual(["基本信息修改", "管理直属账户", "审核账户"]);
    expect(groups.flatMap((g) => g.modules).length).toBe(20);
    expect(groups.find((g) => g.menu === "管理直属账户")?.modules.map((m) => m.code)).toContain("audit.view");
  });
});
