import { CreateTransferForm, DecideTransferForm, MAX_ATTACHMENT_BYTES } from "@ce/contracts";
import type { Api } from "./api.server.ts";
import { redirectWithFlash, samePage } from "./flash.server.ts";
import { formAction, unreadable } from "./form-action.server.ts";
import { readForm } from "./form-data.server.ts";

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
  if (!read.ok) return unreadable(read, { intent: "create" }, { attachment: "attachmentName" });
  const intent = String(read.form.get("intent") ?? "");
  if (intent !== "create") {
    return formAction(request, DecideTransferForm, { form: read.form, extra: () => ({ intent }) }, async (value) => {
      await api.identity.transfers.decide.mutate(value);
      return redirectWithFlash(samePage(request), value.accept ? "已确认调转" : "已拒绝转入");
    });
  }
  const attachment = read.files.attachment?.[0] ?? null;
  if (attachment) read.form.set("attachmentName", attachment.name);
  const options = { form: read.form, fields: CREATE_FIELDS, aliases: ATTACHMENT_ALIASES, extra: () => ({ intent }) };
  return formAction(request, CreateTransferForm, options, async (value) => {
    const upload = attachment ? { name: attachment.name, base64: Buffer.from(await attachment.arrayBuffer()).toString("base64") } : undefined;
    await api.identity.transfers.create.mutate({ ...value, attachment: upload });
    return redirectWithFlash(OUT, "转出申请已提交，等待调入单位确认");
  });
}
