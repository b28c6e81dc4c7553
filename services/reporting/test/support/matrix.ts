// The reporting procedures for the authorization matrix and the fuzz suite.
import type { MatrixCases } from "@ce/service-kit/testing";

/** What the cases point at: the victim unit (济南 in the matrix; the caller's own unit in the fuzz suite). */
export interface ReportingWorld {
  victimUnitId: string;
}

/** Every reporting procedure, with an input that points at the victim unit. A new procedure fails the matrix until it is added here. */
export const reportingCases: MatrixCases<ReportingWorld> = {
  "units.summary": {},
  "statistics.professionalCounts": { input: (w) => ({ asOf: "2026-06-30", unitId: w.victimUnitId, page: 1, pageSize: 20 }) },
};
