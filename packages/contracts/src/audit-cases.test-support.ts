// The 操作日志 cases of audit.test.ts, one file per service that writes the entries: each action as its
// writer records it (names, never ids) and the row the page prints. The type below makes a missing action
// a compile error.
import type { AuditAction, AuditEntity, AuditValues } from "./audit.ts";
import { hoursAuditCases } from "./audit-cases-hours.test-support.ts";
import { identityAuditCases } from "./audit-cases-identity.test-support.ts";

/** One audit entry as written, and what 操作日志 shows of it: 对象 and the 变更 rows (label, 变更前, 变更后). */
export type AuditCase = {
  entityType: AuditEntity;
  before?: AuditValues | null;
  after?: AuditValues | null;
  shows: { object: string; changes: [string, string, string][] };
};

/** Every action, once. */
export const auditCases: Record<AuditAction, AuditCase> = { ...identityAuditCases, ...hoursAuditCases };
