import type { Logger } from "@ce/service-kit";
import type { Db } from "./db/client.ts";

/** What the reporting use cases and routers run on; app.ts builds it, tests get it from there. */
export interface ReportingDeps {
  db: Db;
  log: Logger;
}
