// The reporting procedures for the authorization matrix and the fuzz suite.
import type { MatrixCases } from "@ce/service-kit/testing";

/** Every reporting procedure, with an input that points at 济南. A new procedure fails the matrix until it is added here. */
export const reportingCases: MatrixCases<null> = {
  "units.summary": {},
};
