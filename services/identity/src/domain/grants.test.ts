import { allPermissions, type Permission } from "@ce/contracts";
import { describe, expect, it } from "vitest";
import { addedPermissions, assertCanGrant, type Granter, grantablePermissions, granterOf } from "./grants.ts";

const superAdmin: Granter = { isSuper: true, permissions: [] };
const adminManager: Granter = { isSuper: false, permissions: ["admin.manage", "role.manage", "hours.approve"] };
const nothing: Granter = { isSuper: false, permissions: [] };

describe("grantablePermissions", () => {
  it("is every module for the super admin and exactly the held ones for anyone else", () => {
    expect([...grantablePermissions(superAdmin)].sort()).toEqual([...allPermissions].sort());
    expect([...grantablePermissions(adminManager)].sort()).toEqual(["admin.manage", "hours.approve", "role.manage"]);
    expect(grantablePermissions({ isSuper: false, permissions: ["made.up" as Permission] }).size).toBe(0);
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
    ["an invented code held in name only", { isSuper: false, permissions: ["root.everything"] }, ["root.everything"], "root.everything"],
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
    expect(() => assertCanGrant({ isSuper: false, permissions: ["role.manage"] }, ["hours.approve", "review.employer"])).toThrow(
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
  it("reads the session's super flag and permissions", () => {
    expect(granterOf({ isSuperAdmin: false, permissions: ["stats.view"] })).toEqual({ isSuper: false, permissions: ["stats.view"] });
  });
});
