import { BatchOutcome, DeclarationRow, FailAuditInput, ListAuditsInput, PassAuditInput, pageOf } from "@ce/contracts";
import { permittedProcedure, type UseCaseRun } from "@ce/service-kit";
import type { HoursDeps } from "../deps.ts";
import { failAudit, passAudit } from "../use-cases/audits/decide.ts";
import { listAudits } from "../use-cases/audits/list.ts";

const auditor = permittedProcedure("hours.audit");

/** 成果备案 › 学时审验 (§3.7): a higher level checks approved hours of its subordinates. */
export const auditsRouter = (run: UseCaseRun<HoursDeps>) => ({
  list: auditor.input(ListAuditsInput).output(pageOf(DeclarationRow)).query(run(listAudits)),
  pass: auditor.input(PassAuditInput).output(BatchOutcome).mutation(run(passAudit)),
  fail: auditor.input(FailAuditInput).output(BatchOutcome).mutation(run(failAudit)),
});
