import { CreateTransferForm, DecideTransferForm, MAX_ATTACHMENT_BYTES } from "@ce/contracts";
import { parseWithZod } from "@conform-to/zod/v4";
import { data } from "@remix-run/node";
import type { Api } from "./api.server.ts";
import { redirectWithFlash, samePage } from "./flash.server.ts";
import { invalid, refused } from "./form-action.server.ts";
import { type ReadForm, readForm } from "./form-data.server.ts";
import { zhErrorMap } from "./validation.ts";

const OUT = "/reviews/transfers?tab=out";
const CREATE_FIELDS = ["accountId", "contactPhone", "toUnitId", "reason", "attachmentName"] as const;
/** identity reports attachment problems under `attachment`; the form shows them next to 附件. */
const ATTACHMENT_ALIASES = { attachment: "attachmentName", "attachment.base64": "attachmentName", "attachment.name": "attachmentName" };

/**
 * The 人员调转 page's actions: 提交转出申请 (components/TransferOutForm.tsx; multipart, 附件 ≤ MAX_ATTACHMENT_BYTES held in memory and
 * passed on to identity, which checks the bytes and stores them), and a 人员调入 row's 确认调转 /
 * 拒绝. Answers `{ intent, result }` on a refusal (conform's reply; the create form shows it, a
 * row's at the top of the page); on success redirects with a flash — 提交 to an empty 人员调出.
 */
export async function transferAction(request: Request, api: Api) {
  // Bad bodies (a strange file name, a file that is too large, text in the file field) end as an error by 附件.
  const read = await readForm(request, { attachment: { label: "附件", maxBytes: MAX_ATTACHMENT_BYTES } });
  if (!read.ok || read.form.get("intent") === "create") return createTransfer(request, api, read);
  const submission = parseWithZod(read.form, { schema: DecideTransferForm, error: zhErrorMap });
  const intent = String(read.form.get("intent") ?? "");
  if (submission.status !== "success") return invalid(submission, {}, { intent });
  try {
    await api.identity.transfers.decide.mutate(submission.value);
  } catch (error) {
    return refused(request, submission, error, {}, { intent });
  }
  return redirectWithFlash(samePage(request), submission.value.accept ? "已确认调转" : "已拒绝转入");
}

async function createTransfer(request: Request, api: Api, read: ReadForm) {
  const intent = "create";
  if (!read.ok) {
    const submission = parseWithZod(new FormData(), { schema: CreateTransferForm, error: zhErrorMap });
    const { attachment, ...fieldErrors } = read.fieldErrors;
    const reply = submission.reply({ formErrors: read.formErrors, fieldErrors: { ...fieldErrors, ...(attachment ? { attachmentName: attachment } : {}) } });
    return data({ intent, result: reply }, { status: 400 });
  }
  const attachment = read.files.attachment?.[0] ?? null;
  if (attachment) read.form.set("attachmentName", attachment.name);
  const submission = parseWithZod(read.form, { schema: CreateTransferForm, error: zhErrorMap });
  if (submission.status !== "success") return invalid(submission, {}, { intent });
  try {
    const upload = attachment ? { name: attachment.name, base64: Buffer.from(await attachment.arrayBuffer()).toString("base64") } : undefined;
    await api.identity.transfers.create.mutate({ ...submission.value, attachment: upload });
  } catch (error) {
    return refused(request, submission, error, { fields: CREATE_FIELDS, aliases: ATTACHMENT_ALIASES }, { intent });
  }
  return redirectWithFlash(OUT, "转出申请已提交，等待调入单位确认");
}
