import { AttachmentContent, AttachmentIdInput } from "@ce/contracts";
import { authedProcedure, type UseCaseRun } from "@ce/service-kit";
import type { HoursDeps } from "../deps.ts";
import { getAttachment } from "../use-cases/attachments/get.ts";

/** 附件: the bytes of one attachment, for whoever may see its declaration (thumbnails, 详细). */
export const attachmentsRouter = (run: UseCaseRun<HoursDeps>) => ({
  get: authedProcedure.input(AttachmentIdInput).output(AttachmentContent).query(run(getAttachment)),
});
