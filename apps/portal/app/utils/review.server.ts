import { ReviewDecisionInput, type ReviewDecisionResult } from "@ce/contracts";
import { data } from "@remix-run/node";
import { classifyError } from "./errors.server.ts";
import { readTextForm } from "./form-data.server.ts";
import { rethrowServiceError } from "./session.server.ts";
import { BATCH_PART, type Typed, typedBack } from "./typed-back.ts";

export interface BatchReviewReply {
  ok: boolean;
  message: string;
  /** On a refusal, the ticked rows and the reason, put back by BatchReviewBar and RowCheck. */
  typed?: Typed;
}

/**
 * The action of a batch review page: the ticked ids, 通过 or 不通过 (which needs a reason), sent
 * to `decide`; the reply says how many were decided and names those someone else decided first.
 */
export async function batchReviewAction(request: Request, decide: (input: ReviewDecisionInput) => Promise<ReviewDecisionResult>) {
  const form = await readTextForm(request);
  const parsed = ReviewDecisionInput.safeParse({
    ids: form.getAll("ids"),
    approve: form.get("intent") === "approve",
    reason: String(form.get("reason") ?? "").trim() || undefined,
  });
  const typed = typedBack(form, BATCH_PART, ["reason"], ["ids"]);
  if (!parsed.success) return data<BatchReviewReply>({ ok: false, message: parsed.error.issues[0]?.message ?? "提交的信息有误", typed }, { status: 400 });
  try {
    const result = await decide(parsed.data);
    const others = result.alreadyDecided.length > 0 ? `；以下记录已被其他管理员审核：${result.alreadyDecided.join("、")}` : "";
    return data<BatchReviewReply>({ ok: true, message: `已审核${result.decided}条记录${others}` });
  } catch (error) {
    const failure = classifyError(error);
    if (failure.kind === "unauthorized") return rethrowServiceError(request, error);
    return data<BatchReviewReply>({ ok: false, message: failure.message, typed }, { status: failure.kind === "rejected" ? failure.status : 400 });
  }
}
