import {
  BatchOutcome,
  EmployerReviewDetail,
  EmployerReviewInput,
  ListPendingEmployersInput,
  ListPendingProfessionalsInput,
  PendingEmployerRow,
  PendingProfessionalRow,
  ProfessionalReviewDetail,
  ProfessionalReviewInput,
  pageOf,
  ReviewDecisionInput,
} from "@ce/contracts";
import { permittedProcedure, type UseCaseRun } from "@ce/service-kit";
import type { IdentityDeps } from "../deps.ts";
import { decideEmployers } from "../use-cases/reviews/decide-employers.ts";
import { decideProfessionals } from "../use-cases/reviews/decide-professionals.ts";
import { pendingEmployers, pendingProfessionals, reviewedEmployer, reviewedProfessional } from "../use-cases/reviews/list.ts";

const employers = permittedProcedure("review.employer");
const professionals = permittedProcedure("review.professional");

/** 审核账户 › 审核用人单位, 审核注册人员. */
export const reviewsRouter = (run: UseCaseRun<IdentityDeps>) => ({
  employers: employers.input(ListPendingEmployersInput).output(pageOf(PendingEmployerRow)).query(run(pendingEmployers)),

  employer: employers.input(EmployerReviewInput).output(EmployerReviewDetail).query(run(reviewedEmployer)),

  decideEmployers: employers.input(ReviewDecisionInput).output(BatchOutcome).mutation(run(decideEmployers)),

  professionals: professionals.input(ListPendingProfessionalsInput).output(pageOf(PendingProfessionalRow)).query(run(pendingProfessionals)),

  professional: professionals.input(ProfessionalReviewInput).output(ProfessionalReviewDetail).query(run(reviewedProfessional)),

  decideProfessionals: professionals.input(ReviewDecisionInput).output(BatchOutcome).mutation(run(decideProfessionals)),
});
