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
  TransferIdInput,
  TransferRow,
} from "@ce/contracts";
import { permittedProcedure, type UseCaseRun } from "@ce/service-kit";
import type { IdentityDeps } from "../deps.ts";
import { transferAttachment } from "../use-cases/transfers/attachment.ts";
import { createTransfer } from "../use-cases/transfers/create.ts";
import { decideTransfer } from "../use-cases/transfers/decide.ts";
import { transfer, transferablePeople, transfers } from "../use-cases/transfers/list.ts";

const manage = permittedProcedure("transfer.manage");

/** 审核账户 › 人员调转: 人员调出, 人员调入, 调转记录. */
export const transfersRouter = (run: UseCaseRun<IdentityDeps>) => ({
  candidates: manage.input(TransferCandidatesInput).output(pageOf(TransferCandidate)).query(run(transferablePeople)),

  create: manage.input(CreateTransferInput).output(CreatedId).mutation(run(createTransfer)),

  /** 附件: the image, for admins of the transfer's source or target unit only. */
  attachment: manage.input(TransferAttachmentInput).output(TransferAttachment).query(run(transferAttachment)),

  list: manage.input(ListTransfersInput).output(pageOf(TransferRow)).query(run(transfers)),

  detail: manage.input(TransferIdInput).output(TransferDetail).query(run(transfer)),

  decide: manage.input(DecideTransferInput).output(Ack).mutation(run(decideTransfer)),
});
