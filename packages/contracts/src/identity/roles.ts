import { z } from "zod";
import { Permission, permissionModules } from "../auth/permissions.ts";
import type { UnitKind } from "../domain-codes.ts";
import { PageRequest } from "../paging.ts";
import { SearchText, SingleLineText } from "../text.ts";

const roleName = SingleLineText({ label: "角色名称", min: 1, max: 30, required: "请输入角色名称", tooLong: "角色名称最多30个字" });
const permissions = z.array(Permission, { error: "请选择权限模块" }).min(1, "请至少选择一个权限模块");

/** 角色管理: the roles of the caller's unit. */
export const ListRolesInput = PageRequest.extend({ name: SearchText("角色名称", 30) });
export type ListRolesInput = z.infer<typeof ListRolesInput>;

export const RoleRow = z.object({ id: z.uuid(), name: z.string(), permissions: z.array(Permission), adminCount: z.number().int() });
export type RoleRow = z.infer<typeof RoleRow>;

export const CreateRoleInput = z.object({ name: roleName, permissions });
export type CreateRoleInput = z.infer<typeof CreateRoleInput>;
export const UpdateRoleInput = CreateRoleInput.extend({ id: z.uuid() });
export type UpdateRoleInput = z.infer<typeof UpdateRoleInput>;

/** Deleting a role that admins hold needs `confirm` (it is then taken from them). */
export const DeleteRoleInput = z.object({ id: z.uuid(), confirm: z.boolean().default(false) });
export type DeleteRoleInput = z.infer<typeof DeleteRoleInput>;

/** The permission modules grouped by their menu, in menu order: the role form's checkbox groups (with `unitKind`, only those that kind of unit uses). */
export function permissionGroups(unitKind?: UnitKind | null): { menu: string; modules: { code: Permission; label: string }[] }[] {
  const groups: { menu: string; modules: { code: Permission; label: string }[] }[] = [];
  for (const m of permissionModules) {
    if (unitKind && !m.unitKinds.includes(unitKind)) continue;
    let group = groups.find((g) => g.menu === m.menu);
    if (!group) {
      group = { menu: m.menu, modules: [] };
      groups.push(group);
    }
    group.modules.push({ code: m.code, label: m.label });
  }
  return groups;
}
