import { DecideUnitChangesInput, ListUnitChangesInput, pageOf, UnitChangeRow, UnitChangesDecided } from "@ce/contracts";
import { permittedProcedure, router } from "@ce/service-kit";
import { revokeSessions } from "../auth/sessions.ts";
import { auditActor } from "../db/audit.ts";
import { decideUnitChanges, listUnitChanges } from "../db/unit-changes.ts";
import type { IdentityDeps } from "../deps.ts";
import { eventMeta } from "../events/professionals.ts";
import { ownUnit } from "./departments.ts";

/** 审核账户 › 审核机构信息修改: requests that the caller's unit decides as (old or new) superior. */
export function unitChangesRouter(deps: IdentityDeps) {
  const review = permittedProcedure("review.unitChange");
  return router({
    list: review
      .input(ListUnitChangesInput)
      .output(pageOf(UnitChangeRow))
      .query(({ input, ctx }) => listUnitChanges(deps.db, ownUnit(ctx.principal), input)),
    decide: review
      .input(DecideUnitChangesInput)
      .output(UnitChangesDecided)
      .mutation(async ({ input, ctx }) => {
        const unitId = ownUnit(ctx.principal);
        const result = await deps.db.$transaction((tx) =>
          decideUnitChanges(tx, { ...auditActor(ctx), accountId: ctx.principal.accountId }, unitId, input, eventMeta(ctx)),
        );
        deps.nudgeOutbox();
        // A session holds its unit's path as scope: admins of a moved subtree sign in again.
        for (const accountId of result.movedAdmins) await revokeSessions(deps.redis, accountId);
        return { decided: result.decided, applied: result.applied };
      }),
  });
}
