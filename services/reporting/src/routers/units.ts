import { UnitCountsByKind } from "@ce/contracts";
import { permittedProcedure, type UseCaseRun } from "@ce/service-kit";
import type { ReportingDeps } from "../deps.ts";
import { unitSummary } from "../use-cases/units/summary.ts";

export const unitsRouter = (run: UseCaseRun<ReportingDeps>) => ({
  /** Approved units in the caller's subtree (its own unit included), per kind, from the read model. */
  summary: permittedProcedure("stats.view").output(UnitCountsByKind).query(run(unitSummary)),
});
