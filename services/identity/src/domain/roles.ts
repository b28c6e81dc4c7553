import { DomainError, type Permission } from "@ce/contracts";
import { permissionLabelOf } from "./permission-labels.ts";

/**
 * A role may grant only what its author holds: an admin with 角色管理 but without, say, 审核用人单位
 * must not hand that module to someone (or, through a role, to itself). The super admin holds all.
 */
export function checkGrantable(author: { isSuper: boolean; permissions: readonly Permission[] }, requested: readonly Permission[]): void {
  if (author.isSuper) return;
  const missing = requested.filter((p) => !author.permissions.includes(p));
  if (missing.length > 0) throw new DomainError("FORBIDDEN", `您没有以下权限，不能分配给角色：${missing.map(permissionLabelOf).join("、")}`, "permissions");
}

export const roleMessages = {
  notFound: "角色不存在",
  nameTaken: "本单位已有同名角色",
  inUse: (n: number) => `该角色已分配给${n}名管理员，确认删除后这些管理员将不再拥有该角色`,
} as const;
