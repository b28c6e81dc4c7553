import { type Clock, type ScopedComplianceRule, SEEDED_COMPLIANCE_RULES, systemClock } from "@ce/contracts";
import { startService } from "@ce/service-kit";
import { API_BASE_PATH, apiHttpHandler } from "./api-tokens/http.ts";
import { type Config, SCHEMA } from "./config.ts";
import { createDb } from "./db/client.ts";
import type { ReportingDeps } from "./deps.ts";
import { hoursHandlers, identityHandlers } from "./events/read-model-handlers.ts";
import { createApiRoutes } from "./routers/api.ts";
import { reportingDownloads } from "./routers/downloads.ts";
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
      const complianceRules = opts.complianceRules ?? SEEDED_COMPLIANCE_RULES;
      await consume("CE_IDENTITY", identityHandlers(SCHEMA, complianceRules));
      // The live hours consumer also revokes 学时证明 whose hours a voided record or failed audit changed.
      await consume("CE_HOURS", hoursHandlers(SCHEMA, complianceRules, { revokeProofs: true }));
      const deps: ReportingDeps = {
        db,
        log: infra.log,
        redis: infra.redis,
        now: opts.now ?? systemClock,
        complianceRules,
        blindIndexes: createBlindIndexes(config.PII_INDEX_KEY),
        pseudonymSecret: Buffer.from(config.PII_INDEX_KEY, "base64"),
        portalUrl: config.PORTAL_URL,
      };
      // The HTTP API for API tokens (issue 11 item 2) on the same port: /api/v1/…, bearer token, no service credential; one gate for every request.
      const api = createApiRoutes(deps);
      const routes = { [`${API_BASE_PATH}/`]: apiHttpHandler(api.router, deps, config.SERVICE_AUTH_PUBLIC_KEYS, api.streams) };
      return { router: createReportingRouter(deps), deps, downloads: reportingDownloads(deps), routes };
    },
  });
}
