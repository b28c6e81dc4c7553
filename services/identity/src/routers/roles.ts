import { CreatedId, CreateRoleInput, DeleteRoleInput, ListRolesInput, NoContent, pageOf, RoleDeleted, RoleRow, UpdateRoleInput } from "@ce/contracts";
import { permittedProcedure, router } from "@ce/service-kit";
import type { IdentityDeps } from "../deps.ts";
import { createRole } from "../use-cases/roles/create.ts";
import { deleteRole } from "../use-cases/roles/delete.ts";
import { unitRoles } from "../use-cases/roles/list.ts";
import { updateRole } from "../use-cases/roles/update.ts";

/**
 * 管理直属账户 › 角色管理. Nobody grants a module they do not hold; an edit or a deletion ends
 * the sessions of every admin holding the role, so the change applies at once.
 */
export function rolesRouter(deps: IdentityDeps) {
  const manage = permittedProcedure("role.manage");
  return router({
    list: manage
      .input(ListRolesInput)
      .output(pageOf(RoleRow))
      .query(({ input, ctx }) => unitRoles(deps, ctx, input)),
    create: manage
      .input(CreateRoleInput)
      .output(CreatedId)
      .mutation(({ input, ctx }) => createRole(deps, ctx, input)),
    update: manage
      .input(UpdateRoleInput)
      .output(NoContent)
      .mutation(({ input, ctx }) => updateRole(deps, ctx, input)),
    delete: manage
      .input(DeleteRoleInput)
      .output(RoleDeleted)
      .mutation(({ input, ctx }) => deleteRole(deps, ctx, input)),
  });
}
