import { startService } from "@ce/service-kit";
import { type Config, SCHEMA } from "./config.ts";
import { createDb } from "./db/client.ts";
import type { ReportingDeps } from "./deps.ts";
import { startIdentityConsumer } from "./events/identity-consumer.ts";
import { createReportingRouter } from "./routers/index.ts";

/** Wires the reporting service through the one bootstrap: its identity consumer and its router. */
export function startReporting(config: Config) {
  return startService({
    name: "reporting",
    config,
    schema: SCHEMA,
    createDb,
    async wire({ db, infra, consumer }) {
      consumer("identity consumer", await startIdentityConsumer(db, infra), "CE_IDENTITY");
      const deps: ReportingDeps = { db, log: infra.log };
      return { router: createReportingRouter(deps), deps };
    },
  });
}
