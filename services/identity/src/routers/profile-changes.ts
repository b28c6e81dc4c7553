import {
  BatchOutcome,
  CreatedId,
  ListProfileChangesInput,
  MyProfile,
  ProfileChangeDetail,
  ProfileChangeIdInput,
  ProfileChangeRow,
  pageOf,
  RequestProfileChangeInput,
  ReviewDecisionInput,
} from "@ce/contracts";
import { authedProcedure, permittedProcedure, type UseCaseRun } from "@ce/service-kit";
import type { IdentityDeps } from "../deps.ts";
import { decideProfileChanges } from "../use-cases/profile-changes/decide.ts";
import { pendingProfileChanges, profileChange } from "../use-cases/profile-changes/list.ts";
import { ownProfile } from "../use-cases/profile-changes/me.ts";
import { requestProfileChange } from "../use-cases/profile-changes/request.ts";

const review = permittedProcedure("review.profileChange");

/** 人员信息修改 (the professional's side) and 审核人员信息修改 (the admins' side). */
export const profileChangesRouter = (run: UseCaseRun<IdentityDeps>) => ({
  me: authedProcedure.output(MyProfile).query(run(ownProfile)),

  request: authedProcedure.input(RequestProfileChangeInput).output(CreatedId).mutation(run(requestProfileChange)),

  list: review.input(ListProfileChangesInput).output(pageOf(ProfileChangeRow)).query(run(pendingProfileChanges)),

  detail: review.input(ProfileChangeIdInput).output(ProfileChangeDetail).query(run(profileChange)),

  decide: review.input(ReviewDecisionInput).output(BatchOutcome).mutation(run(decideProfileChanges)),
});
