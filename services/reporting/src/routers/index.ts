import { router } from "@ce/service-kit";
import type { ReportingDeps } from "../deps.ts";
import { statisticsRouter } from "./statistics.ts";
import { unitsRouter } from "./units.ts";

export function createReportingRouter(deps: ReportingDeps) {
  return router({ units: unitsRouter(deps), statistics: statisticsRouter(deps) });
}

export type ReportingRouter = ReturnType<typeof createReportingRouter>;
