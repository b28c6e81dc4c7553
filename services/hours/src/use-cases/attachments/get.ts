import { type AttachmentContent, type AttachmentIdInput, DomainError } from "@ce/contracts";
import { findAttachment } from "../../db/attachments.ts";
import { findDeclaration } from "../../db/declarations.ts";
import type { HoursDeps } from "../../deps.ts";
import { type Caller, recordsScope, VIEWERS } from "../caller.ts";

/**
 * 附件: the bytes (base64) of one attachment, for whoever may see its declaration (thumbnails,
 * 详细). Raises DomainError FORBIDDEN (no viewing right) or NOT_FOUND (unknown, out of scope, or
 * the blob is gone) — the same answer either way, so ids outside the scope reveal nothing.
 */
export async function getAttachment(deps: HoursDeps, { principal }: Caller, { attachmentId }: AttachmentIdInput): Promise<AttachmentContent> {
  const scope = recordsScope(principal, ...VIEWERS);
  const meta = await findAttachment(deps.db, attachmentId);
  const visible = meta ? await findDeclaration(deps.db, scope, meta.declarationId) : null;
  const bytes = meta && visible ? await deps.attachments.get(meta.id) : null;
  if (!meta || !bytes) throw new DomainError("NOT_FOUND", "附件不存在或不在您的管理范围内");
  return {
    id: meta.id,
    name: meta.originalName,
    contentType: meta.contentType,
    size: meta.size,
    sha256: meta.sha256,
    contentBase64: Buffer.from(bytes).toString("base64"),
  };
}
