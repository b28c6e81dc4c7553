import { DecideUnitChangesInput, ListUnitChangesInput, pageOf, UnitChangeRow, UnitChangesDecided } from "@ce/contracts";
import { permittedProcedure, router, useCaseRunner } from "@ce/service-kit";
import type { IdentityDeps } from "../deps.ts";
import { decideUnitChanges } from "../use-cases/unit-changes/decide.ts";
import { listUnitChanges } from "../use-cases/unit-changes/list.ts";

/** 审核账户 › 审核机构信息修改: requests that the caller's unit decides as (old or new) superior. */
export function unitChangesRouter(deps: IdentityDeps) {
  const run = useCaseRunner(deps);
  const review = permittedProcedure("review.unitChange");
  return router({
    list: review.input(ListUnitChangesInput).output(pageOf(UnitChangeRow)).query(run(listUnitChanges)),
    decide: review.input(DecideUnitChangesInput).output(UnitChangesDecided).mutation(run(decideUnitChanges)),
  });
}
