import { CreateTransferInput, DecideTransferInput, ListTransfersInput, TransferCandidatesInput, TransferDetail } from "@ce/contracts";
import { permittedProcedure, router } from "@ce/service-kit";
import { z } from "zod";
import { auditActor } from "../db/audit.ts";
import { createTransfer, decideTransfer, listTransfers, transferCandidates, transferDetail } from "../db/transfers.ts";
import type { IdentityDeps } from "../deps.ts";
import { eventMeta } from "../events/professionals.ts";
import { reviewScope } from "./reviews.ts";

/** 审核账户 › 人员调转: 人员调出, 人员调入, 调转记录. */
export function transfersRouter(deps: IdentityDeps) {
  const manage = permittedProcedure("transfer.manage");
  return router({
    candidates: manage.input(TransferCandidatesInput).query(({ input, ctx }) => transferCandidates(deps.db, reviewScope(ctx.principal), input)),

    create: manage
      .input(CreateTransferInput)
      .mutation(({ input, ctx }) => deps.db.$transaction((tx) => createTransfer(tx, auditActor(ctx), reviewScope(ctx.principal), input))),

    list: manage.input(ListTransfersInput).query(({ input, ctx }) => listTransfers(deps.db, reviewScope(ctx.principal), input)),

    detail: manage
      .input(z.object({ id: z.uuid() }))
      .output(TransferDetail)
      .query(({ input, ctx }) => transferDetail(deps.db, reviewScope(ctx.principal), input.id)),

    decide: manage.input(DecideTransferInput).mutation(async ({ input, ctx }) => {
      await deps.db.$transaction((tx) => decideTransfer(tx, auditActor(ctx), reviewScope(ctx.principal), input, eventMeta(ctx)));
      deps.nudgeOutbox();
      return { ok: true as const };
    }),
  });
}
