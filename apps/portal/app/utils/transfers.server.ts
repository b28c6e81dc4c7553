import { DecideTransferInput } from "@ce/contracts";
import { parseWithZod } from "@conform-to/zod/v4";
import { data } from "@remix-run/node";
import { CreateTransferForm } from "../components/TransferOutForm.tsx";
import type { Api } from "./api.server.ts";
import { classifyError, toFormErrors } from "./errors.server.ts";
import { readForm } from "./form-data.server.ts";
import { rethrowServiceError } from "./session.server.ts";
import { zhErrorMap } from "./validation.ts";

/** 附件 ≤ 4 MB, held in memory and passed on to identity, which checks the bytes and stores them. */
const MAX_ATTACHMENT_BYTES = 4 * 1024 * 1024;
const CREATE_FIELDS = ["accountId", "contactPhone", "toUnitId", "reason", "attachmentName"] as const;
/** identity reports attachment problems under `attachment`; the form shows them next to 附件. */
const ATTACHMENT_ALIASES = { attachment: "attachmentName", "attachment.base64": "attachmentName", "attachment.name": "attachmentName" };

/** The 人员调转 page's three actions: 提交转出申请, 确认调转, 拒绝. */
export async function transferAction(request: Request, api: Api) {
  // Bad bodies (a strange file name, a file that is too large, text in the file field) end as an error by 附件.
  const read = await readForm(request, { attachment: { label: "附件", maxBytes: MAX_ATTACHMENT_BYTES } });
  if (!read.ok) {
    const errors = { ...read.fieldErrors, ...(read.formErrors.length ? { "": read.formErrors } : {}) };
    const error = Object.fromEntries(Object.entries(errors).map(([k, v]) => [k === "attachment" ? "attachmentName" : k, v]));
    return data({ intent: "create", ok: false, result: { status: "error" as const, error }, message: null }, { status: 400 });
  }
  const { form } = read;
  const intent = form.get("intent");
  if (intent === "create") {
    const attachment = read.files.attachment?.[0] ?? null;
    const attachmentName = attachment?.name ?? null;
    if (attachmentName) form.set("attachmentName", attachmentName);
    const submission = parseWithZod(form, { schema: CreateTransferForm, error: zhErrorMap });
    if (submission.status !== "success") return data({ intent, ok: false, result: submission.reply(), message: null }, { status: 400 });
    try {
      const upload =
        attachment && attachmentName ? { name: attachmentName, base64: Buffer.from(await attachment.arrayBuffer()).toString("base64") } : undefined;
      await api.identity.transfers.create.mutate({ ...submission.value, attachment: upload });
      return { intent, ok: true, result: submission.reply({ resetForm: true }), message: "转出申请已提交，等待调入单位确认" };
    } catch (error) {
      if (classifyError(error).kind === "unauthorized") return rethrowServiceError(request, error);
      return data({ intent, ok: false, result: submission.reply(toFormErrors(error, CREATE_FIELDS, ATTACHMENT_ALIASES)), message: null }, { status: 400 });
    }
  }
  const parsed = DecideTransferInput.safeParse({
    id: form.get("id"),
    accept: intent === "accept",
    reason: String(form.get("reason") ?? "").trim() || undefined,
  });
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
