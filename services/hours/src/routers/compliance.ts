import { ComplianceYear, MyComplianceInput } from "@ce/contracts";
import { authedProcedure, type UseCaseRun } from "@ce/service-kit";
import { z } from "zod";
import type { HoursDeps } from "../deps.ts";
import { myCompliance } from "../use-cases/compliance/mine.ts";

/** Yearly compliance (合格 / 不合格) of a professional's own hours. */
export const complianceRouter = (run: UseCaseRun<HoursDeps>) => ({
  mine: authedProcedure.input(MyComplianceInput).output(z.array(ComplianceYear)).query(run(myCompliance)),
});
