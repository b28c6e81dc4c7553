import { DomainError, ListSubordinatesInput } from "@ce/contracts";
import { permittedProcedure, router } from "@ce/service-kit";
import { listSubordinates } from "../db/units.ts";
import type { IdentityDeps } from "../deps.ts";

/** 管理直属账户 › 管理下级单位. */
export function unitsRouter(deps: IdentityDeps) {
  return router({
    listSubordinates: permittedProcedure("subordinate.view")
      .input(ListSubordinatesInput)
      .query(({ input, ctx }) => {
        const { scopePath, unitId } = ctx.principal;
        if (!scopePath || !unitId) throw new DomainError("FORBIDDEN", "当前账户没有可管理的下级单位");
        return listSubordinates(deps.db, { scopePath, unitId }, input);
      }),
  });
}
