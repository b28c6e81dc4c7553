import { CreatedId, CreateRoleInput, DeleteRoleInput, ListRolesInput, NoContent, pageOf, RoleDeleted, RoleRow, UpdateRoleInput } from "@ce/contracts";
import { permittedProcedure, type UseCaseRun } from "@ce/service-kit";
import type { IdentityDeps } from "../deps.ts";
import { createRole } from "../use-cases/roles/create.ts";
import { deleteRole } from "../use-cases/roles/delete.ts";
import { unitRoles } from "../use-cases/roles/list.ts";
import { updateRole } from "../use-cases/roles/update.ts";

const manage = permittedProcedure("role.manage");

/**
 * 管理直属账户 › 角色管理. Nobody grants a module they do not hold; an edit or a deletion ends
 * the sessions of every admin holding the role, so the change applies at once.
 */
export const rolesRouter = (run: UseCaseRun<IdentityDeps>) => ({
  list: manage.input(ListRolesInput).output(pageOf(RoleRow)).query(run(unitRoles)),
  create: manage.input(CreateRoleInput).output(CreatedId).mutation(run(createRole)),
  update: manage.input(UpdateRoleInput).output(NoContent).mutation(run(updateRole)),
  delete: manage.input(DeleteRoleInput).output(RoleDeleted).mutation(run(deleteRole)),
});
