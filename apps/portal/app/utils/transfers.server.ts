import { CreateTransferInput, DecideTransferInput } from "@ce/contracts";
import { parseWithZod } from "@conform-to/zod/v4";
import { data } from "@remix-run/node";
import type { Api } from "./api.server.ts";
import { classifyError, toFormErrors } from "./errors.server.ts";
import { rethrowServiceError } from "./session.server.ts";
import { zhErrorMap } from "./validation.ts";

/** 附件 ≤ 4 MB; only its name is recorded with the transfer (no file storage for transfers yet). */
const MAX_ATTACHMENT_BYTES = 4 * 1024 * 1024;
const CREATE_FIELDS = ["accountId", "contactPhone", "toUnitId", "reason", "attachmentName"] as const;

/** The 人员调转 page's three actions: 提交转出申请, 确认调转, 拒绝. */
export async function transferAction(request: Request, api: Api) {
  const form = await request.formData();
  const intent = form.get("intent");
  if (intent === "create") {
    const file = form.get("attachment");
    const attachment = file instanceof File && file.size > 0 ? file : null;
    if (attachment) form.set("attachmentName", attachment.name);
    form.delete("attachment");
    const submission = parseWithZod(form, { schema: CreateTransferInput, error: zhErrorMap });
    if (attachment && attachment.size > MAX_ATTACHMENT_BYTES) {
      return data({ intent, ok: false, result: submission.reply({ fieldErrors: { attachmentName: ["附件不能超过4MB"] } }), message: null }, { status: 400 });
    }
    if (submission.status !== "success") return data({ intent, ok: false, result: submission.reply(), message: null }, { status: 400 });
    try {
      await api.identity.transfers.create.mutate(submission.value);
      return { intent, ok: true, result: submission.reply({ resetForm: true }), message: "转出申请已提交，等待调入单位确认" };
    } catch (error) {
      if (classifyError(error).kind === "unauthorized") return rethrowServiceError(request, error);
      return data({ intent, ok: false, result: submission.reply(toFormErrors(error, CREATE_FIELDS)), message: null }, { status: 400 });
    }
  }
  const parsed = DecideTransferInput.safeParse({ id: form.get("id"), accept: intent === "accept", reason: String(form.get("reason") ?? "").trim() || undefined });
  if (!parsed.success) return data({ intent, ok: false, result: null, message: parsed.error.issues[0]?.message ?? "提交的信息有误" }, { status: 400 });
  try {
    await api.identity.transfers.decide.mutate(parsed.data);
    return { intent, ok: true, result: null, message: parsed.data.accept ? "已确认调转" : "已拒绝转入" };
  } catch (error) {
    const failure = classifyError(error);
    if (failure.kind === "unauthorized") return rethrowServiceError(request, error);
    return data({ intent, ok: false, result: null, message: failure.message }, { status: 400 });
  }
}
