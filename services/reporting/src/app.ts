import { type Clock, type ScopedComplianceRule, SEEDED_COMPLIANCE_RULES, systemClock } from "@ce/contracts";
import { startService } from "@ce/service-kit";
import { type Config, SCHEMA } from "./config.ts";
import { createDb } from "./db/client.ts";
import type { ReportingDeps } from "./deps.ts";
import { hoursHandlers, identityHandlers } from "./events/read-model-handlers.ts";
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
    async wire({ db, infra, consume }) {
      // Durable consumers reporting_CE_IDENTITY and reporting_CE_HOURS into the live read models.
      await consume("CE_IDENTITY", identityHandlers(SCHEMA));
      await consume("CE_HOURS", hoursHandlers(SCHEMA));
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
