import { UnitCountsByKind } from "@ce/contracts";
import { permittedProcedure, router, useCaseRunner } from "@ce/service-kit";
import type { ReportingDeps } from "../deps.ts";
import { unitSummary } from "../use-cases/units/summary.ts";

export function unitsRouter(deps: ReportingDeps) {
  const run = useCaseRunner(deps);
  return router({
    /** Approved units in the caller's subtree (its own unit included), per kind, from the read model. */
    summary: permittedProcedure("stats.view").output(UnitCountsByKind).query(run(unitSummary)),
  });
}
