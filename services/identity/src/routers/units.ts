import {
  DomainError,
  ListSubordinatesInput,
  ListTrainingBasesInput,
  NoContent,
  type Principal,
  pageOf,
  RemoveSubordinateAdminInput,
  SubordinateAdminRow,
  SubordinateTarget,
  UnitDetail,
  UnitRow,
} from "@ce/contracts";
import { anyPermissionProcedure, permittedProcedure, router } from "@ce/service-kit";
import { z } from "zod";
import { revokeSessions } from "../auth/sessions.ts";
import { auditActor } from "../db/audit.ts";
import { deleteSubordinate, removeSubordinateAdmin, subordinateAdmins, subordinateDetail } from "../db/subordinates.ts";
import { listSubordinates, listTrainingBases } from "../db/units.ts";
import type { IdentityDeps } from "../deps.ts";
import { eventMeta } from "../events/professionals.ts";

function scopeOf(principal: Principal) {
  const { scopePath, unitId } = principal;
  if (!scopePath || !unitId) throw new DomainError("FORBIDDEN", "当前账户没有可管理的下级单位");
  return { scopePath, unitId };
}

// 管理下级单位 opens with either module; its 详细 and 管理员信息 pages too.
const viewSubordinates = anyPermissionProcedure("subordinate.view", "subordinate.manage");

/** 管理直属账户 › 管理下级单位 and 管理继续教育基地. */
export function unitsRouter(deps: IdentityDeps) {
  const manage = permittedProcedure("subordinate.manage");
  return router({
    listSubordinates: permittedProcedure("subordinate.view")
      .input(ListSubordinatesInput)
      .output(pageOf(UnitRow))
      .query(({ input, ctx }) => listSubordinates(deps.db, scopeOf(ctx.principal), input)),
    detail: viewSubordinates
      .input(SubordinateTarget)
      .output(UnitDetail)
      .query(({ input, ctx }) => subordinateDetail(deps.db, scopeOf(ctx.principal).scopePath, input.unitId)),
    admins: viewSubordinates
      .input(SubordinateTarget)
      .output(z.array(SubordinateAdminRow))
      .query(({ input, ctx }) => subordinateAdmins(deps.db, scopeOf(ctx.principal).scopePath, input.unitId)),
    removeAdmin: manage
      .input(RemoveSubordinateAdminInput)
      .output(NoContent)
      .mutation(async ({ input, ctx }) => {
        const { scopePath } = scopeOf(ctx.principal);
        const { accountId } = await deps.db.$transaction((tx) => removeSubordinateAdmin(tx, auditActor(ctx), scopePath, input.unitId, input.adminId));
        await revokeSessions(deps.redis, accountId);
      }),
    delete: manage
      .input(SubordinateTarget)
      .output(NoContent)
      .mutation(async ({ input, ctx }) => {
        const { scopePath } = scopeOf(ctx.principal);
        const { accountIds } = await deps.db.$transaction((tx) => deleteSubordinate(tx, auditActor(ctx), scopePath, input.unitId, eventMeta(ctx)));
        deps.nudgeOutbox();
        for (const id of accountIds) await revokeSessions(deps.redis, id);
      }),
    trainingBases: permittedProcedure("trainingBase.manage")
      .input(ListTrainingBasesInput)
      .output(pageOf(UnitRow))
      .query(({ input, ctx }) => listTrainingBases(deps.db, scopeOf(ctx.principal), input)),
  });
}
