import { type Clock, type ScopedComplianceRule, SEEDED_COMPLIANCE_RULES, systemClock } from "@ce/contracts";
import { startService } from "@ce/service-kit";
import { type Config, SCHEMA } from "./config.ts";
import { createDb } from "./db/client.ts";
import type { ReportingDeps } from "./deps.ts";
import { startHoursConsumer } from "./events/hours-consumer.ts";
import { startIdentityConsumer } from "./events/identity-consumer.ts";
import { createReportingRouter } from "./routers/index.ts";
import { createBlindIndexes } from "./security/blind-index.ts";

/**
 * Wires the reporting service through the one bootstrap: its identity and hours consumers and its
 * router. `now` pins the clock (统计时间's "today") and `complianceRules` the yearly rules for tests.
 */
export function startReporting(config: Config, opts: { now?: Clock; complianceRules?: readonly ScopedComplianceRule[] } = {}) {
  return startService({
    name: "reporting",
    config,
    schema: SCHEMA,
    createDb,
    async wire({ db, infra, consumer }) {
      consumer("identity consumer", await startIdentityConsumer(db, infra), "CE_IDENTITY");
      consumer("hours consumer", await startHoursConsumer(db, infra), "CE_HOURS");
      const deps: ReportingDeps = {
        db,
        log: infra.log,
        now: opts.now ?? systemClock,
        complianceRules: opts.complianceRules ?? SEEDED_COMPLIANCE_RULES,
        blindIndexes: createBlindIndexes(config.PII_INDEX_KEY),
      };
      return { router: createReportingRouter(deps), deps };
    },
  });
}
