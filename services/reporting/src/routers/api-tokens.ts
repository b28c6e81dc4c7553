import { ApiTokenIdInput, ApiTokenList, ApiTokenRow, ApiTokenUses, ApiTokenUsesInput, CreateApiTokenInput, CreatedApiToken } from "@ce/contracts";
import { permittedProcedure, type UseCaseRun } from "@ce/service-kit";
import type { ReportingDeps } from "../deps.ts";
import { createApiToken, listApiTokens, listApiTokenUses, revokeApiToken } from "../use-cases/api-tokens/manage.ts";

const manage = permittedProcedure("stats.view");

/**
 * 接口令牌管理 (issue 11 item 1): a super admin lists, creates and revokes their unit's API tokens
 * and reads each one's 调用记录.
 * Built on stats.view (every super admin holds it); the use cases refuse anyone not a super admin.
 */
export const apiTokensRouter = (run: UseCaseRun<ReportingDeps>) => ({
  /** The unit's tokens, newest first, with status now (never a secret). */
  list: manage.output(ApiTokenList).query(run(listApiTokens)),
  /** 新建令牌: answers the secret once. */
  create: manage.input(CreateApiTokenInput).output(CreatedApiToken).mutation(run(createApiToken)),
  /** 调用记录: one page of a token of the unit's calls, newest first (NOT_FOUND for another unit's token). */
  uses: manage.input(ApiTokenUsesInput).output(ApiTokenUses).query(run(listApiTokenUses)),
  /** 撤销: the token is refused from its next call on. */
  revoke: manage.input(ApiTokenIdInput).output(ApiTokenRow).mutation(run(revokeApiToken)),
});
