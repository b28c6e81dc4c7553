import {
  DomainError,
  ListPendingEmployersInput,
  ListPendingProfessionalsInput,
  PendingEmployerRow,
  PendingProfessionalRow,
  type Principal,
  ProfessionalReviewDetail,
  pageOf,
  ReviewDecisionInput,
  ReviewDecisionResult,
} from "@ce/contracts";
import { permittedProcedure, router } from "@ce/service-kit";
import { z } from "zod";
import { auditActor } from "../db/audit.ts";
import { decideEmployers, decideProfessionals, listPendingEmployers, listPendingProfessionals, professionalDetail, type ReviewScope } from "../db/reviews.ts";
import type { IdentityDeps } from "../deps.ts";
import { eventMeta } from "../events/professionals.ts";

/** The caller's unit subtree; a professional (no unit scope) reviews nothing. */
export function reviewScope(principal: Principal): ReviewScope {
  if (!principal.scopePath || !principal.unitId) throw new DomainError("FORBIDDEN", "当前账户没有可审核的单位");
  return { scopePath: principal.scopePath, unitId: principal.unitId };
}

/** 审核账户 › 审核用人单位, 审核注册人员. */
export function reviewsRouter(deps: IdentityDeps) {
  const employers = permittedProcedure("review.employer");
  const professionals = permittedProcedure("review.professional");
  return router({
    employers: employers
      .input(ListPendingEmployersInput)
      .output(pageOf(PendingEmployerRow))
      .query(({ input, ctx }) => listPendingEmployers(deps.db, reviewScope(ctx.principal), input)),

    decideEmployers: employers
      .input(ReviewDecisionInput)
      .output(ReviewDecisionResult)
      .mutation(async ({ input, ctx }) => {
        const result = await deps.db.$transaction((tx) => decideEmployers(tx, auditActor(ctx), reviewScope(ctx.principal), input, eventMeta(ctx)));
        deps.nudgeOutbox();
        return result;
      }),

    professionals: professionals
      .input(ListPendingProfessionalsInput)
      .output(pageOf(PendingProfessionalRow))
      .query(({ input, ctx }) => listPendingProfessionals(deps.db, reviewScope(ctx.principal), input)),

    professional: professionals
      .input(z.object({ accountId: z.uuid() }))
      .output(ProfessionalReviewDetail)
      .query(({ input, ctx }) => professionalDetail(deps.db, reviewScope(ctx.principal), input.accountId)),

    decideProfessionals: professionals
      .input(ReviewDecisionInput)
      .output(ReviewDecisionResult)
      .mutation(async ({ input, ctx }) => {
        const result = await deps.db.$transaction((tx) => decideProfessionals(tx, auditActor(ctx), reviewScope(ctx.principal), input, eventMeta(ctx)));
        deps.nudgeOutbox();
        return result;
      }),
  });
}
