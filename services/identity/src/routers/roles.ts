import { CreatedId, CreateRoleInput, DeleteRoleInput, ListRolesInput, NoContent, pageOf, RoleDeleted, RoleRow, UpdateRoleInput } from "@ce/contracts";
import { permittedProcedure, router } from "@ce/service-kit";
import { revokeAccountsSessions } from "../auth/sessions.ts";
import { auditActor } from "../db/audit.ts";
import { createRole, deleteRole, listRoles, updateRole } from "../db/roles.ts";
import type { IdentityDeps } from "../deps.ts";
import { granterOf } from "../domain/grants.ts";
import { ownUnit } from "../use-cases/scope.ts";

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
      .query(({ input, ctx }) => listRoles(deps.db, ownUnit(ctx.principal), input)),
    create: manage
      .input(CreateRoleInput)
      .output(CreatedId)
      .mutation(({ input, ctx }) => {
        const unitId = ownUnit(ctx.principal);
        return deps.db.$transaction((tx) => createRole(tx, auditActor(ctx), granterOf(ctx.principal), unitId, input));
      }),
    update: manage
      .input(UpdateRoleInput)
      .output(NoContent)
      .mutation(async ({ input, ctx }) => {
        const unitId = ownUnit(ctx.principal);
        const { holderAccountIds } = await deps.db.$transaction((tx) => updateRole(tx, auditActor(ctx), granterOf(ctx.principal), unitId, input));
        await revokeAccountsSessions(deps.redis, holderAccountIds);
      }),
    delete: manage
      .input(DeleteRoleInput)
      .output(RoleDeleted)
      .mutation(async ({ input, ctx }) => {
        const unitId = ownUnit(ctx.principal);
        const { removedFrom, holderAccountIds } = await deps.db.$transaction((tx) => deleteRole(tx, auditActor(ctx), unitId, input.id, input.confirm));
        await revokeAccountsSessions(deps.redis, holderAccountIds);
        return { removedFrom };
      }),
  });
}
