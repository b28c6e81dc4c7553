import {
  BatchOutcome,
  ListPendingEmployersInput,
  ListPendingProfessionalsInput,
  PendingEmployerRow,
  PendingProfessionalRow,
  ProfessionalReviewDetail,
  pageOf,
  ReviewDecisionInput,
} from "@ce/contracts";
import { permittedProcedure, router } from "@ce/service-kit";
import { z } from "zod";
import type { IdentityDeps } from "../deps.ts";
import { decideEmployers } from "../use-cases/reviews/decide-employers.ts";
import { decideProfessionals } from "../use-cases/reviews/decide-professionals.ts";
import { pendingEmployers, pendingProfessionals, reviewedProfessional } from "../use-cases/reviews/list.ts";

/** 审核账户 › 审核用人单位, 审核注册人员. */
export function reviewsRouter(deps: IdentityDeps) {
  const employers = permittedProcedure("review.employer");
  const professionals = permittedProcedure("review.professional");
  return router({
    employers: employers
      .input(ListPendingEmployersInput)
      .output(pageOf(PendingEmployerRow))
      .query(({ input, ctx }) => pendingEmployers(deps, ctx, input)),

    decideEmployers: employers
      .input(ReviewDecisionInput)
      .output(BatchOutcome)
      .mutation(({ input, ctx }) => decideEmployers(deps, ctx, input)),

    professionals: professionals
      .input(ListPendingProfessionalsInput)
      .output(pageOf(PendingProfessionalRow))
      .query(({ input, ctx }) => pendingProfessionals(deps, ctx, input)),

    professional: professionals
      .input(z.object({ accountId: z.uuid() }))
      .output(ProfessionalReviewDetail)
      .query(({ input, ctx }) => reviewedProfessional(deps, ctx, input)),

    decideProfessionals: professionals
      .input(ReviewDecisionInput)
      .output(BatchOutcome)
      .mutation(({ input, ctx }) => decideProfessionals(deps, ctx, input)),
  });
}
