import { z } from "zod";
import { PositiveIntParam } from "../paging.ts";

// The rule itself (assessCompliance, pickRule, NATIONAL_RULE), shared by hours and reporting.
export * from "./compliance-rules.ts";

/** A professional's own yearly compliance (合格 / 不合格), for the last `years` years (1–10, a plain whole number: never "1e1"). */
export const MyComplianceInput = z.object({ years: PositiveIntParam.pipe(z.number().max(10)).default(5) });

export const ComplianceYear = z.object({
  year: z.number().int(),
  general: z.number(),
  professional: z.number(),
  total: z.number(),
  compliant: z.boolean(),
  missingTotal: z.number(),
  missingProfessional: z.number(),
  /** The rule applied: at least minTotal hours, professional at least num/den of them. */
  minTotal: z.number(),
  professionalShare: z.string(),
});
export type ComplianceYear = z.infer<typeof ComplianceYear>;
