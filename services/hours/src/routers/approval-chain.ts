import { ApprovalChainUnit } from "@ce/contracts";
import { permittedProcedure, router } from "@ce/service-kit";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import type { Db } from "../db/client.ts";
import { findUnitInScope, unitsOnPath } from "../db/units.ts";
import { approvalChain } from "../domain/approval-chain.ts";

export function approvalChainRouter(db: Db) {
  return router({
    /** The units a declaration from this unit would climb, each of which becomes 当前处理人 in turn. */
    preview: permittedProcedure("hours.approve")
      .input(z.object({ unitId: z.uuid({ error: "单位编号无效" }) }))
      .output(z.array(ApprovalChainUnit))
      .query(async ({ ctx, input }) => {
        const scopePath = ctx.principal.scopePath;
        const unit = scopePath ? await findUnitInScope(db, input.unitId, scopePath) : null;
        if (!unit) throw new TRPCError({ code: "NOT_FOUND", message: "单位不存在或不在您的管理范围内" });
        return approvalChain(unit.path, await unitsOnPath(db, unit.path));
      }),
  });
}
