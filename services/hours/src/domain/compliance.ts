// The yearly compliance rule lives in @ce/contracts (hours/compliance-rules.ts), shared with
// reporting's 合格总数 (ADR 013); hours' domain names it here for its use cases and tests.
export { assessCompliance, type ComplianceResult, type ComplianceRule, NATIONAL_RULE, pickRule, type YearHours } from "@ce/contracts";
