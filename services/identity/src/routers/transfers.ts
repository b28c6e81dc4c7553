import {
  Ack,
  CreatedId,
  CreateTransferInput,
  DecideTransferInput,
  DomainError,
  ListTransfersInput,
  pageOf,
  TransferAttachment,
  TransferAttachmentInput,
  TransferCandidate,
  TransferCandidatesInput,
  TransferDetail,
  TransferRow,
} from "@ce/contracts";
import { permittedProcedure, router } from "@ce/service-kit";
import { z } from "zod";
import { auditActor } from "../db/audit.ts";
import { createTransfer, decideTransfer, findTransferAttachment, listTransfers, transferCandidates, transferDetail } from "../db/transfers.ts";
import type { IdentityDeps } from "../deps.ts";
import { eventMeta } from "../events/professionals.ts";
import { checkTransferAttachment } from "../storage/transfer-attachments.ts";
import { reviewScope } from "../use-cases/scope.ts";

/** 审核账户 › 人员调转: 人员调出, 人员调入, 调转记录. */
export function transfersRouter(deps: IdentityDeps) {
  const manage = permittedProcedure("transfer.manage");
  return router({
    candidates: manage
      .input(TransferCandidatesInput)
      .output(pageOf(TransferCandidate))
      .query(({ input, ctx }) => transferCandidates(deps.db, reviewScope(ctx.principal), input)),

    create: manage
      .input(CreateTransferInput)
      .output(CreatedId)
      .mutation(async ({ input, ctx }) => {
        // The bytes are decoded before anything is written (a refused file leaves no blob and no row);
        // the blob is written, then the transaction; if the transaction fails the blob is deleted.
        const checked = input.attachment ? await checkTransferAttachment(input.attachment) : null;
        return deps.transferAttachments.commitWith(checked, (stored) =>
          deps.db.$transaction((tx) => createTransfer(tx, auditActor(ctx), reviewScope(ctx.principal), input, stored)),
        );
      }),

    /** 附件: the image, for admins of the transfer's source or target unit only. */
    attachment: manage
      .input(TransferAttachmentInput)
      .output(TransferAttachment)
      .query(async ({ input, ctx }) => {
        const meta = await findTransferAttachment(deps.db, reviewScope(ctx.principal), input.transferId);
        const bytes = meta ? await deps.transferAttachments.get(meta.key) : null;
        if (!meta || !bytes) throw new DomainError("NOT_FOUND", "附件不存在或不在本单位管辖范围内");
        return { name: meta.name, type: meta.type, base64: Buffer.from(bytes).toString("base64") };
      }),

    list: manage
      .input(ListTransfersInput)
      .output(pageOf(TransferRow))
      .query(({ input, ctx }) => listTransfers(deps.db, reviewScope(ctx.principal), input)),

    detail: manage
      .input(z.object({ id: z.uuid() }))
      .output(TransferDetail)
      .query(({ input, ctx }) => transferDetail(deps.db, reviewScope(ctx.principal), input.id)),

    decide: manage
      .input(DecideTransferInput)
      .output(Ack)
      .mutation(async ({ input, ctx }) => {
        await deps.db.$transaction((tx) => decideTransfer(tx, auditActor(ctx), reviewScope(ctx.principal), input, eventMeta(ctx)));
        deps.nudgeOutbox();
        return { ok: true as const };
      }),
  });
}
