import type { Clock, ScopedComplianceRule } from "@ce/contracts";
import type { Logger } from "@ce/service-kit";
import type { Db } from "./db/client.ts";

/** What the reporting use cases and routers run on; app.ts builds it, tests get it from there. */
export interface ReportingDeps {
  db: Db;
  log: Logger;
  /** The one clock for 统计时间's "today" (read on the Beijing calendar); tests pin it. */
  now: Clock;
  /**
   * The yearly compliance rules 合格 is judged by: the ones hours is seeded with
   * (contracts' SEEDED_COMPLIANCE_RULES), since hours cannot change its rules today (ADR 013).
   */
  complianceRules: readonly ScopedComplianceRule[];
  /** The blind indexes of a typed 证件号, one per ID type (security/blind-index.ts, under identity's PII_INDEX_KEY). */
  blindIndexes: (idNumber: string) => string[];
}
