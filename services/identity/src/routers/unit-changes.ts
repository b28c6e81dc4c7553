import { DecideUnitChangesInput, ListUnitChangesInput, pageOf, UnitChangeRow, UnitChangesDecided } from "@ce/contracts";
import { permittedProcedure, type UseCaseRun } from "@ce/service-kit";
import type { IdentityDeps } from "../deps.ts";
import { decideUnitChanges } from "../use-cases/unit-changes/decide.ts";
import { listUnitChanges } from "../use-cases/unit-changes/list.ts";

const review = permittedProcedure("review.unitChange");

/** 审核账户 › 审核机构信息修改: requests that the caller's unit decides as (old or new) superior. */
export const unitChangesRouter = (run: UseCaseRun<IdentityDeps>) => ({
  list: review.input(ListUnitChangesInput).output(pageOf(UnitChangeRow)).query(run(listUnitChanges)),
  decide: review.input(DecideUnitChangesInput).output(UnitChangesDecided).mutation(run(decideUnitChanges)),
});
