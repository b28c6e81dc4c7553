import { CreateRoleInput, DeleteRoleInput, ListRolesInput, UpdateRoleInput, type Permission, type Principal } from "@ce/contracts";
import { permittedProcedure, router } from "@ce/service-kit";
import { auditActor } from "../db/audit.ts";
import { createRole, deleteRole, listRoles, rolePermissions, updateRole } from "../db/roles.ts";
import type { IdentityDeps } from "../deps.ts";
import { checkGrantable } from "../domain/roles.ts";
import { ownUnit } from "./departments.ts";

const author = (p: Principal) => ({ isSuper: p.isSuperAdmin, permissions: p.permissions });

/** 管理直属账户 › 角色管理. Changes reach an admin's permissions at its next login. */
export function rolesRouter(deps: IdentityDeps) {
  const manage = permittedProcedure("role.manage");
  return router({
    list: manage.input(ListRolesInput).query(({ input, ctx }) => listRoles(deps.db, ownUnit(ctx.principal), input)),
    create: manage.input(CreateRoleInput).mutation(({ input, ctx }) => {
      const unitId = ownUnit(ctx.principal);
      checkGrantable(author(ctx.principal), input.permissions);
      return deps.db.$transaction((tx) => createRole(tx, auditActor(ctx), unitId, input));
    }),
    update: manage.input(UpdateRoleInput).mutation(async ({ input, ctx }) => {
      const unitId = ownUnit(ctx.principal);
      // Only modules being added need the author to hold them; keeping what is there is fine.
      const current = new Set((await rolePermissions(deps.db, unitId, input.id)) ?? []);
      checkGrantable(author(ctx.principal), input.permissions.filter((p: Permission) => !current.has(p)));
      await deps.db.$transaction((tx) => updateRole(tx, auditActor(ctx), unitId, input));
    }),
    delete: manage.input(DeleteRoleInput).mutation(({ input, ctx }) => {
      const unitId = ownUnit(ctx.principal);
      return deps.db.$transaction((tx) => deleteRole(tx, auditActor(ctx), unitId, input.id, input.confirm));
    }),
  });
}
