import { UnitCountsByKind } from "@ce/contracts";
import { permittedProcedure, router } from "@ce/service-kit";
import { TRPCError } from "@trpc/server";
import type { Db } from "../db/client.ts";
import { countUnitsInScope } from "../db/units.ts";
import { unitCountsByKind } from "../domain/unit-replica.ts";

export function unitsRouter(db: Db) {
  return router({
    /** Approved units in the caller's subtree (its own unit included), per kind, from the read model. */
    summary: permittedProcedure("stats.view")
      .output(UnitCountsByKind)
      .query(async ({ ctx }) => {
        if (!ctx.principal.scopePath) throw new TRPCError({ code: "FORBIDDEN", message: "当前账户没有可统计的单位范围" });
        return unitCountsByKind(await countUnitsInScope(db, ctx.principal.scopePath));
      }),
  });
}
