import { NewPassword } from "@ce/contracts";
import { describe, expect, it } from "vitest";
import { type AdminState, checkAdminAction, temporaryPassword } from "./admins.ts";

const superAdmin = { accountId: "s", isSuper: true };
const plainAdmin = { accountId: "p", isSuper: false };
const target = (over: Partial<AdminState> = {}): AdminState => ({ id: "t", accountId: "t", isSuper: false, status: "ACTIVE", ...over });

describe("checkAdminAction", () => {
  it("lets only the super admin set a super admin, reset passwords and disable", () => {
    for (const action of ["setSuper", "resetPassword", "disable", "enable"] as const) {
      expect(() => checkAdminAction(plainAdmin, target(), action)).toThrow("只有超级管理员");
      expect(() => checkAdminAction(superAdmin, target(), action)).not.toThrow();
    }
    expect(() => checkAdminAction(plainAdmin, target(), "remove")).not.toThrow();
  });

  it("refuses acting on yourself", () => {
    for (const action of ["setSuper", "disable", "remove", "resetPassword"] as const) {
      expect(() => checkAdminAction(superAdmin, target({ accountId: "s" }), action)).toThrow("不能对自己");
    }
  });

  it("never removes or disables the super admin, and never makes a disabled admin super", () => {
    expect(() => checkAdminAction(superAdmin, target({ isSuper: true }), "remove")).toThrow("不能对超级管理员");
    expect(() => checkAdminAction(plainAdmin, target({ isSuper: true }), "remove")).toThrow("不能对超级管理员");
    expect(() => checkAdminAction(superAdmin, target({ isSuper: true }), "disable")).toThrow("不能对超级管理员");
    expect(() => checkAdminAction(superAdmin, target({ status: "DISABLED" }), "setSuper")).toThrow("请先启用");
  });
});

describe("temporaryPassword", () => {
  it("meets the password policy and differs each time", () => {
    const seen = new Set(Array.from({ length: 50 }, () => temporaryPassword()));
    expect(seen.size).toBe(50);
    for (const p of seen) expect(NewPassword.safeParse(p).success).toBe(true);
  });
});
