import { AttachmentContent, AttachmentIdInput, DomainError } from "@ce/contracts";
import { authedProcedure, router } from "@ce/service-kit";
import { findDeclaration } from "../db/declarations.ts";
import type { HoursDeps } from "../deps.ts";
import { recordsScope, VIEWERS } from "./declarations.ts";

/** 附件: the bytes of one attachment, for whoever may see its declaration (thumbnails, 详细). */
export function attachmentsRouter(deps: HoursDeps) {
  const { db } = deps;
  return router({
    get: authedProcedure
      .input(AttachmentIdInput)
      .output(AttachmentContent)
      .query(async ({ ctx, input }) => {
        const scope = recordsScope(ctx.principal, ...VIEWERS);
        const meta = await db.attachment.findUnique({ where: { id: input.attachmentId } });
        const visible = meta ? await findDeclaration(db, scope, meta.declarationId) : null;
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
      }),
  });
}
