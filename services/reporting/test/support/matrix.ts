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
};
