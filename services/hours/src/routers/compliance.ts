import { ComplianceYear, MyComplianceInput } from "@ce/contracts";
import { authedProcedure, router, useCaseRunner } from "@ce/service-kit";
import { z } from "zod";
import type { HoursDeps } from "../deps.ts";
import { myCompliance } from "../use-cases/compliance/mine.ts";

/** Yearly compliance (合格 / 不合格) of a professional's own hours. */
export function complianceRouter(deps: HoursDeps) {
  const run = useCaseRunner(deps);
  return router({
    mine: authedProcedure.input(MyComplianceInput).output(z.array(ComplianceYear)).query(run(myCompliance)),
  });
}
