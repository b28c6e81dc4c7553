import {
  Ack,
  CreatedId,
  CreateTransferInput,
  DecideTransferInput,
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
import type { IdentityDeps } from "../deps.ts";
import { transferAttachment } from "../use-cases/transfers/attachment.ts";
import { createTransfer } from "../use-cases/transfers/create.ts";
import { decideTransfer } from "../use-cases/transfers/decide.ts";
import { transfer, transferablePeople, transfers } from "../use-cases/transfers/list.ts";

/** 审核账户 › 人员调转: 人员调出, 人员调入, 调转记录. */
export function transfersRouter(deps: IdentityDeps) {
  const manage = permittedProcedure("transfer.manage");
  return router({
    candidates: manage
      .input(TransferCandidatesInput)
      .output(pageOf(TransferCandidate))
      .query(({ input, ctx }) => transferablePeople(deps, ctx, input)),

    create: manage
      .input(CreateTransferInput)
      .output(CreatedId)
      .mutation(({ input, ctx }) => createTransfer(deps, ctx, input)),

    /** 附件: the image, for admins of the transfer's source or target unit only. */
    attachment: manage
      .input(TransferAttachmentInput)
      .output(TransferAttachment)
      .query(({ input, ctx }) => transferAttachment(deps, ctx, input)),

    list: manage
      .input(ListTransfersInput)
      .output(pageOf(TransferRow))
      .query(({ input, ctx }) => transfers(deps, ctx, input)),

    detail: manage
      .input(z.object({ id: z.uuid() }))
      .output(TransferDetail)
      .query(({ input, ctx }) => transfer(deps, ctx, input)),

    decide: manage
      .input(DecideTransferInput)
      .output(Ack)
      .mutation(({ input, ctx }) => decideTransfer(deps, ctx, input)),
  });
}
