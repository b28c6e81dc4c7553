import { CreatedId, NoContent, RequestCodeChangeInput, RequestSuperiorChangeInput, UnitOption, UnitProfileView, UpdateUnitProfileInput } from "@ce/contracts";
import { permittedProcedure, router } from "@ce/service-kit";
import { z } from "zod";
import { auditActor, recordAudit } from "../db/audit.ts";
import { ownPendingChange } from "../db/unit-changes.ts";
import { toSnapshot, updateUnit } from "../db/units.ts";
import type { IdentityDeps } from "../deps.ts";
import { eventMeta } from "../events/professionals.ts";
import { ownUnit } from "../use-cases/scope.ts";
import { requestCodeChange } from "../use-cases/unit-changes/request-code-change.ts";
import { requestSuperiorChange } from "../use-cases/unit-changes/request-superior-change.ts";
import { withdrawUnitChange } from "../use-cases/unit-changes/withdraw.ts";

/** 基本信息修改 §3.1: the caller's own unit, its free fields and its change requests. */
export function unitProfileRouter(deps: IdentityDeps) {
  const edit = permittedProcedure("unit.profile.edit");
  return router({
    get: edit.output(UnitProfileView).query(async ({ ctx }) => {
      const unitId = ownUnit(ctx.principal);
      const row = await deps.db.unit.findUniqueOrThrow({ where: { id: unitId }, include: { superior: { select: { name: true } } } });
      return { unit: toSnapshot(row), superiorName: row.superior?.name ?? null, pending: await ownPendingChange(deps.db, unitId) };
    }),
    update: edit
      .input(UpdateUnitProfileInput)
      .output(NoContent)
      .mutation(async ({ input, ctx }) => {
        const unitId = ownUnit(ctx.principal);
        await deps.db.$transaction(async (tx) => {
          const before = await tx.unit.findUniqueOrThrow({ where: { id: unitId }, select: { nature: true, industry: true, region: true } });
          await updateUnit(tx, unitId, input, eventMeta(ctx));
          await recordAudit(tx, auditActor(ctx), { action: "unit.updateProfile", entityType: "unit", entityId: unitId, unitId, before, after: input });
        });
        deps.nudgeOutbox();
      }),
    /** Approved authorities a unit may move under (its own subtree and current superior excluded by the request check). */
    superiorOptions: edit.output(z.array(UnitOption)).query(({ ctx }) =>
      deps.db.unit.findMany({
        where: { kind: "AUTHORITY", status: "APPROVED", id: { not: ownUnit(ctx.principal) } },
        select: { id: true, name: true },
        orderBy: [{ depth: "asc" }, { name: "asc" }],
      }),
    ),
    requestCodeChange: edit
      .input(RequestCodeChangeInput)
      .output(CreatedId)
      .mutation(({ input, ctx }) => requestCodeChange(deps, ctx, input)),
    requestSuperiorChange: edit
      .input(RequestSuperiorChangeInput)
      .output(CreatedId)
      .mutation(({ input, ctx }) => requestSuperiorChange(deps, ctx, input)),
    withdraw: edit
      .input(z.object({ requestId: z.uuid() }))
      .output(NoContent)
      .mutation(({ input, ctx }) => withdrawUnitChange(deps, ctx, input)),
  });
}
