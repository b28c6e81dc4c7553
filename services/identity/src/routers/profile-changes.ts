import {
  CreatedId,
  DomainError,
  ListProfileChangesInput,
  MyProfile,
  type Principal,
  ProfileChangeDetail,
  ProfileChangeRow,
  pageOf,
  RequestProfileChangeInput,
  ReviewDecisionInput,
  ReviewDecisionResult,
} from "@ce/contracts";
import { authedProcedure, permittedProcedure, router } from "@ce/service-kit";
import { z } from "zod";
import { auditActor } from "../db/audit.ts";
import { decideProfileChanges, listProfileChanges, myProfile, profileChangeDetail, requestProfileChange } from "../db/profile-changes.ts";
import type { IdentityDeps } from "../deps.ts";
import { eventMeta } from "../events/professionals.ts";
import { reviewScope } from "../use-cases/scope.ts";

/** A professional acts on their own profile only; admins review through review.profileChange. */
function ownAccount(principal: Principal): string {
  if (principal.userType !== "PROFESSIONAL") throw new DomainError("FORBIDDEN", "请以个人身份登录后修改个人信息");
  return principal.accountId;
}

/** 人员信息修改 (the professional's side) and 审核人员信息修改 (the admins' side). */
export function profileChangesRouter(deps: IdentityDeps) {
  const review = permittedProcedure("review.profileChange");
  return router({
    me: authedProcedure.output(MyProfile).query(({ ctx }) => myProfile(deps.db, ownAccount(ctx.principal))),

    request: authedProcedure
      .input(RequestProfileChangeInput)
      .output(CreatedId)
      .mutation(({ input, ctx }) => deps.db.$transaction((tx) => requestProfileChange(tx, deps.pii, auditActor(ctx), ownAccount(ctx.principal), input))),

    list: review
      .input(ListProfileChangesInput)
      .output(pageOf(ProfileChangeRow))
      .query(({ input, ctx }) => listProfileChanges(deps.db, reviewScope(ctx.principal), input)),

    detail: review
      .input(z.object({ id: z.uuid() }))
      .output(ProfileChangeDetail)
      .query(({ input, ctx }) => profileChangeDetail(deps.db, reviewScope(ctx.principal), input.id)),

    decide: review
      .input(ReviewDecisionInput)
      .output(ReviewDecisionResult)
      .mutation(async ({ input, ctx }) => {
        const result = await deps.db.$transaction((tx) => decideProfileChanges(tx, auditActor(ctx), reviewScope(ctx.principal), input, eventMeta(ctx)));
        deps.nudgeOutbox();
        return result;
      }),
  });
}
