import { serviceRouter } from "@ce/service-kit";
import type { ReportingDeps } from "../deps.ts";
import { apiTokensRouter } from "./api-tokens.ts";
import { dashboardsRouter } from "./dashboards.ts";
import { hoursProofsRouter } from "./hours-proofs.ts";
import { statisticsRouter } from "./statistics.ts";
import { unitsRouter } from "./units.ts";

export function createReportingRouter(deps: ReportingDeps) {
  return serviceRouter(deps, {
    units: unitsRouter,
    statistics: statisticsRouter,
    proofs: hoursProofsRouter,
    apiTokens: apiTokensRouter,
    dashboards: dashboardsRouter,
  });
}

export type ReportingRouter = ReturnType<typeof createReportingRouter>;
