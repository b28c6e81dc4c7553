import { router } from "@ce/service-kit";
import type { Db } from "../db/client.ts";
import { unitsRouter } from "./units.ts";

export function createReportingRouter(deps: { db: Db }) {
  return router({ units: unitsRouter(deps.db) });
}

export type ReportingRouter = ReturnType<typeof createReportingRouter>;
