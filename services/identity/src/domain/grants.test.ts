import { allPermissions, type Permission } from "@ce/contracts";
import { describe, expect, it } from "vitest";
import { addedPermissions, assertCanGrant, type Granter, grantablePermissions, granterOf } from "./grants.ts";

const superAdmin: Granter = { isSuper: true, permissions: [], unitKind: "AUTHORITY" };
const adminManager: Granter = { isSuper: false, permissions: ["admin.manage", "role.manage", "hours.approve"], unitKind: "AUTHORITY" };
const nothing: Granter = { isSuper: false, permissions: [], unitKind: "AUTHORITY" };
const employerSuper: Granter = { isSuper: true, permissions: [], unitKind: "EMPLOYER" };
const baseSuper: Granter = { isSuper: true, permissions: [], unitKind: "TRAINING_BASE" };

describe("grantablePermissions", () => {
  it("is every module of the unit's kind for the super admin and exactly the held ones for anyone else", () => {
    expect([...grantablePermissions(superAdmin)].sort()).toEqual([...allPermissions].sort());
    expect([...grantablePermissions(adminManager)].sort()).toEqual(["admin.manage", "hours.approve", "role.manage"]);
    expect(grantablePermissions({ ...nothing, permissions: ["made.up" as Permission] }).size).toBe(0);
    expect(grantablePermissions({ ...superAdmin, unitKind: null }).size).toBe(0);
  });

  it.each<[string, Granter, Permission, boolean]>([
    ["an employer's super admin, 审核注册人员", employerSuper, "review.professional", true],
    ["an employer's super admin, 学时审批", employerSuper, "hours.approve", true],
    ["an employer's super admin, 管理下级单位", employerSuper, "subordinate.view", false],
    ["an employer's super admin, 审核用人单位", employerSuper, "review.employer", false],
    ["an employer's super admin, 成果备案", employerSuper, "hours.audit", false],
    [
      "an employer's admin holding 管理继续教育基地 by an old role",
      { isSuper: false, permissions: ["trainingBase.manage"], unitKind: "EMPLOYER" },
      "trainingBase.manage",
      false,
    ],
    ["a CE base's super admin, 学时申报", baseSuper, "hours.declare", true],
    ["a CE base's super admin, 人员调转", baseSuper, "transfer.manage", false],
    ["a CE base's super admin, 审核机构信息修改", baseSuper, "review.unitChange", false],
  ])("%s: grantable %s", (_what, granter, permission, grantable) => {
    expect(grantablePermissions(granter).has(permission)).toBe(grantable);
  });
});

describe("assertCanGrant", () => {
  // granter × requested → refused modules (empty: allowed). Invented codes must be refused too.
  const table: [string, Granter, string[], string | null][] = [
    ["super admin, any module", superAdmin, ["pii.unmask", "review.employer"], null],
    ["super admin, everything (handover)", superAdmin, [...allPermissions], null],
    ["held module", adminManager, ["hours.approve"], null],
    ["nothing requested", nothing, [], null],
    ["not held: pii.unmask", adminManager, ["pii.unmask"], "查看完整证件号与手机号"],
    ["mixed held and not held", adminManager, ["hours.approve", "pii.unmask"], "pii.unmask"],
    ["handover by a non-super admin", adminManager, [...allPermissions], "pii.unmask"],
    ["duplicates counted once", nothing, ["stats.view", "stats.view"], "stats.view"],
    ["an invented code", superAdmin, ["root.everything"], "root.everything"],
    ["an invented code held in name only", { ...nothing, permissions: ["root.everything"] }, ["root.everything"], "root.everything"],
  ];

  it.each(table)("%s", (_, granter, requested, refused) => {
    const call = () => assertCanGrant(granter, requested, "roleIds");
    if (refused === null) {
      expect(call).not.toThrow();
      return;
    }
    try {
      call();
      expect.unreachable("should have refused");
    } catch (e) {
      expect(e).toMatchObject({ kind: "FORBIDDEN", field: "roleIds" });
      expect((e as Error).message).toMatch(/^您没有以下权限，不能分配给他人：/);
      if (!refused.includes(".")) expect((e as Error).message).toContain(refused);
    }
  });

  it("names the missing modules by their Chinese labels", () => {
    expect(() => assertCanGrant({ ...nothing, permissions: ["role.manage"] }, ["hours.approve", "review.employer"])).toThrow(
      "您没有以下权限，不能分配给他人：学时审批、审核用人单位",
    );
  });
});

describe("addedPermissions", () => {
  it.each([
    [[], ["a", "b"], ["a", "b"]],
    [["a"], ["a", "b"], ["b"]],
    [["a", "b"], ["a"], []],
    [["a", "b"], ["b", "a"], []],
    [["a"], ["c", "c"], ["c"]],
  ])("from %o to %o gives %o", (before, after, added) => {
    expect(addedPermissions(before, after)).toEqual(added);
  });
});

describe("granterOf", () => {
  it("reads the session's super flag, permissions and unit kind", () => {
    expect(granterOf({ isSuperAdmin: false, permissions: ["stats.view"], unitKind: "EMPLOYER" })).toEqual({
      isSuper: false,
      permissions: ["stats.view"],
      unitKind: "EMPLOYER",
    });
  });
});
