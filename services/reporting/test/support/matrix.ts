// The reporting procedures for the authorization matrix and the fuzz suite.
import type { MatrixCases } from "@ce/service-kit/testing";

/** What the cases point at: the victim unit (济南 in the matrix; the caller's own unit in the fuzz suite) and a person of it. */
export interface ReportingWorld {
  victimUnitId: string;
  victimAccountId: string;
}

/** Every reporting procedure, with an input that points at the victim unit. A new procedure fails the matrix until it is added here. */
export const reportingCases: MatrixCases<ReportingWorld> = {
  "units.summary": {},
  "statistics.professionalCounts": { input: (w) => ({ asOf: "2026-06-30", unitId: w.victimUnitId, page: 1, pageSize: 20 }) },
  "statistics.countPeople": { input: (w) => ({ asOf: "2026-06-30", unitId: w.victimUnitId, measure: "REGISTERED", scope: "SUBTREE", page: 1, pageSize: 20 }) },
  "statistics.professionals": { input: (w) => ({ authorityId: w.victimUnitId, page: 1, pageSize: 20 }) },
  "statistics.professional": { input: (w) => ({ accountId: w.victimAccountId }) },
  "statistics.learningRecord": { input: (w) => ({ accountId: w.victimAccountId, asOf: "2026-06-30" }) },
  "statistics.titleDistribution": { input: (w) => ({ employerId: w.victimUnitId, from: "2020-01-01", to: "2026-06-30" }) },
  "statistics.verifyLearning": { input: () => ({ name: "济", nameMatch: "CONTAINS", page: 1, pageSize: 20 }) },
  "statistics.approvedHoursByMonth": { input: (w) => ({ unitId: w.victimUnitId, from: "2026-01-01", to: "2026-06-30" }) },
  "statistics.complianceAsOf": { input: () => ({ idNumber: "370102199901014321", fromYear: 2025, toYear: 2026, asOf: "2026-06-30" }) },
  // 管理看板: always the caller's own subtree (no unit to ask about).
  "dashboards.compliance": { input: () => ({ page: 1, pageSize: 20 }) },
  "dashboards.turnaround": { input: () => ({ from: "2026-01-01", to: "2026-06-30", pendingDays: 7 }) },
  "dashboards.rejectionReasons": { input: () => ({ from: "2026-01-01", to: "2026-06-30" }) },
  "dashboards.trainingBases": { input: () => ({ from: "2026-01-01", to: "2026-06-30" }) },
  "apiTokens.list": {},
  "apiTokens.create": { input: (w) => ({ name: "分析令牌", scopeUnitId: w.victimUnitId, permissions: ["professionalCounts"] }) },
  // No token of the victim's exists in the matrix's world: an unknown id is NOT_FOUND to everyone (test/api-tokens.test.ts revokes real ones).
  "apiTokens.revoke": { input: () => ({ id: "00000000-0000-4000-8000-00000000a001" }) },
  // Likewise for 调用记录 (test/api-tokens.test.ts reads a real token's, and refuses another unit's).
  "apiTokens.uses": { input: () => ({ id: "00000000-0000-4000-8000-00000000a001", page: 1, pageSize: 20 }) },
  "proofs.issue": { input: (w) => ({ accountId: w.victimAccountId, year: 2026 }) },
  "proofs.list": { input: (w) => ({ accountId: w.victimAccountId }) },
  // No proof of the victim's exists in the matrix's world: an unknown id is NOT_FOUND to everyone (test/hours-proofs.test.ts covers a real one).
  "proofs.get": { input: () => ({ proofId: "00000000-0000-4000-8000-00000000f001" }) },
  "proofs.pdf": { input: () => ({ proofId: "00000000-0000-4000-8000-00000000f001" }) },
  "proofs.verify": { input: () => ({ code: "AAAAAAAAAAAAAAAAAAAAAA" }) },
};
