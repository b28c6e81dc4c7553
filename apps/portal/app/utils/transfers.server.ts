import { CreateTransferInput, DecideTransferInput } from "@ce/contracts";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, MaxPartSizeExceededError, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from "@remix-run/node";
import type { Api } from "./api.server.ts";
import { classifyError, toFormErrors } from "./errors.server.ts";
import { rethrowServiceError } from "./session.server.ts";
import { zhErrorMap } from "./validation.ts";

/** 附件 ≤ 4 MB, held in memory and passed on to identity, which checks the bytes and stores them. */
const MAX_ATTACHMENT_BYTES = 4 * 1024 * 1024;
const TOO_LARGE = "附件大小不能超过4M";
const CREATE_FIELDS = ["accountId", "contactPhone", "toUnitId", "reason", "attachmentName"] as const;
/** identity reports attachment problems under `attachment`; the form shows them next to 附件. */
const ATTACHMENT_ALIASES = { attachment: "attachmentName", "attachment.base64": "attachmentName", "attachment.name": "attachmentName" };

/** The multipart body, a file held in memory up to 4 MB; null when it is larger. */
async function readForm(request: Request): Promise<FormData | null> {
  if (!request.headers.get("content-type")?.startsWith("multipart/form-data")) return request.formData();
  try {
    return await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: MAX_ATTACHMENT_BYTES }));
  } catch (e) {
    if (e instanceof MaxPartSizeExceededError) return null;
    throw e;
  }
}

/** The 人员调转 page's three actions: 提交转出申请, 确认调转, 拒绝. */
export async function transferAction(request: Request, api: Api) {
  const form = await readForm(request);
  if (!form) return data({ intent: "create", ok: false, result: { status: "error" as const, error: { attachmentName: [TOO_LARGE] } }, message: null }, { status: 400 });
  const intent = form.get("intent");
  if (intent === "create") {
    const file = form.get("attachment");
    const attachment = file instanceof Blob && file.size > 0 ? file : null;
    const attachmentName = attachment ? ((attachment as File).name || "附件") : null;
    if (attachmentName) form.set("attachmentName", attachmentName);
    form.delete("attachment");
    const submission = parseWithZod(form, { schema: CreateTransferInput.omit({ attachment: true }), error: zhErrorMap });
    if (attachment && attachment.size > MAX_ATTACHMENT_BYTES) {
      return data({ intent, ok: false, result: submission.reply({ fieldErrors: { attachmentName: [TOO_LARGE] } }), message: null }, { status: 400 });
    }
    if (submission.status !== "success") return data({ intent, ok: false, result: submission.reply(), message: null }, { status: 400 });
    try {
      const upload = attachment && attachmentName ? { name: attachmentName, base64: Buffer.from(await attachment.arrayBuffer()).toString("base64") } : undefined;
      await api.identity.transfers.create.mutate({ ...submission.value, attachment: upload });
      return { intent, ok: true, result: submission.reply({ resetForm: true }), message: "转出申请已提交，等待调入单位确认" };
    } catch (error) {
      if (classifyError(error).kind === "unauthorized") return rethrowServiceError(request, error);
      return data({ intent, ok: false, result: submission.reply(toFormErrors(error, CREATE_FIELDS, ATTACHMENT_ALIASES)), message: null }, { status: 400 });
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
