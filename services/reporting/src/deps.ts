import type { Clock, ScopedComplianceRule } from "@ce/contracts";
import type { Logger, Redis } from "@ce/service-kit";
import type { Db } from "./db/client.ts";

/** What the reporting use cases and routers run on; app.ts builds it, tests get it from there. */
export interface ReportingDeps {
  db: Db;
  log: Logger;
  /**
   * Reporting's Redis (its ACL user: read and slide sessions, and count `api-anon:*` — the HTTP
   * API's calls without a usable token per address, api-tokens/authenticate.ts).
   */
  redis: Redis;
  /** The one clock for 统计时间's "today" (read on the Beijing calendar); tests pin it. */
  now: Clock;
  /**
   * The yearly compliance rules 合格 is judged by: the ones hours is seeded with
   * (contracts' SEEDED_COMPLIANCE_RULES), since hours cannot change its rules today (ADR 013).
   */
  complianceRules: readonly ScopedComplianceRule[];
  /** The blind indexes of a typed 证件号, one per ID type (security/blind-index.ts, under identity's PII_INDEX_KEY). */
  blindIndexes: (idNumber: string) => string[];
  /** The secret 人年抽取's pseudonym keys are derived from (PII_INDEX_KEY's 32 bytes; domain unitPseudonymKey). */
  pseudonymSecret: Buffer;
  /** The portal's address (config PORTAL_URL, no trailing slash): 学时证明 QR codes point to {portalUrl}/verify/<code>. */
  portalUrl: string;
}
