import { type BatchOutcome, ReviewDecisionInput } from "@ce/contracts";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import type { z } from "zod";
import type { Api } from "./api.server.ts";
import { batchReviewAction } from "./review.server.ts";
import { requireListPage, requirePage } from "./session.server.ts";

/**
 * The loader of an identity review list (审核用人单位, 审核注册人员, 审核人员信息修改): the page's
 * permission and trail, the list filtered by its `name` query (requireListPage, `schema` the
 * contracts list input) as `{ trail, filters: { name }, result }` for components/DecisionReviewPage.
 */
export function decisionReviewLoader<S extends z.ZodType<{ name?: string | undefined }>, Result>(
  path: string,
  schema: S,
  list: (api: Api, input: z.output<S>) => Promise<Result>,
) {
  return async ({ request, context }: LoaderFunctionArgs) => {
    // Before the rows are read: the decision carries it (ReviewDecisionInput.seenAt), and a row
    // submitted again after this instant is not decided unseen (one read a hair later errs to skipping).
    const seenAt = new Date().toISOString();
    const { trail, input, result } = await requireListPage(request, context, path, schema, list);
    return { trail, filters: { name: input.name ?? "" }, result, seenAt };
  };
}

/**
 * The action of a batch-review list page at `path` (its permission: requirePage): the form read
 * with the page's contracts `schema` and sent to `decide` as the user, through batchReviewAction;
 * the flash says `done(value, count)` and names the records another admin decided first.
 */
export function batchDecisionAction<Schema extends z.ZodType<{ decision: "APPROVE" | "REJECT" }>>(
  path: string,
  schema: Schema,
  decide: (api: Api, value: z.output<Schema>) => Promise<BatchOutcome>,
  done: (value: z.output<Schema>, count: number) => string,
) {
  return async ({ request, context }: ActionFunctionArgs) => {
    const { api } = await requirePage(request, context, path);
    return batchReviewAction(request, schema, (value) => decide(api, value), done);
  };
}

/**
 * The action of an identity review list: ReviewDecisionInput (审核通过/驳回, a reason required to
 * refuse) sent to `decide` (batchDecisionAction); the flash says `done(decision, count)`.
 */
export function decisionReviewAction(
  path: string,
  decide: (api: Api, input: z.output<typeof ReviewDecisionInput>) => Promise<BatchOutcome>,
  done: (decision: "APPROVE" | "REJECT", count: number) => string,
) {
  return batchDecisionAction(path, ReviewDecisionInput, decide, (input, n) => done(input.decision, n));
}
