import {
  BatchOutcome,
  CreatedId,
  ListProfileChangesInput,
  MyProfile,
  ProfileChangeDetail,
  ProfileChangeRow,
  pageOf,
  RequestProfileChangeInput,
  ReviewDecisionInput,
} from "@ce/contracts";
import { authedProcedure, permittedProcedure, router } from "@ce/service-kit";
import { z } from "zod";
import type { IdentityDeps } from "../deps.ts";
import { decideProfileChanges } from "../use-cases/profile-changes/decide.ts";
import { pendingProfileChanges, profileChange } from "../use-cases/profile-changes/list.ts";
import { ownProfile } from "../use-cases/profile-changes/me.ts";
import { requestProfileChange } from "../use-cases/profile-changes/request.ts";

/** 人员信息修改 (the professional's side) and 审核人员信息修改 (the admins' side). */
export function profileChangesRouter(deps: IdentityDeps) {
  const review = permittedProcedure("review.profileChange");
  return router({
    me: authedProcedure.output(MyProfile).query(({ ctx }) => ownProfile(deps, ctx)),

    request: authedProcedure
      .input(RequestProfileChangeInput)
      .output(CreatedId)
      .mutation(({ input, ctx }) => requestProfileChange(deps, ctx, input)),

    list: review
      .input(ListProfileChangesInput)
      .output(pageOf(ProfileChangeRow))
      .query(({ input, ctx }) => pendingProfileChanges(deps, ctx, input)),

    detail: review
      .input(z.object({ id: z.uuid() }))
      .output(ProfileChangeDetail)
      .query(({ input, ctx }) => profileChange(deps, ctx, input)),

    decide: review
      .input(ReviewDecisionInput)
      .output(BatchOutcome)
      .mutation(({ input, ctx }) => decideProfileChanges(deps, ctx, input)),
  });
}
