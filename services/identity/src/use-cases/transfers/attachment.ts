import { DomainError, type TransferAttachment } from "@ce/contracts";
import type { z } from "zod";
import { findTransferAttachment } from "../../db/transfers.ts";
import type { IdentityDeps } from "../../deps.ts";
import { type Caller, reviewScope } from "../scope.ts";

/**
 * 附件: a transfer's image (name, type, base64 bytes) for admins of its source or target unit
 * only. Raises DomainError NOT_FOUND when there is none or the caller may not see it.
 */
export async function transferAttachment(deps: IdentityDeps, caller: Caller, input: { transferId: string }): Promise<z.infer<typeof TransferAttachment>> {
  const meta = await findTransferAttachment(deps.db, reviewScope(caller.principal), input.transferId);
  const bytes = meta ? await deps.transferAttachments.get(meta.key) : null;
  if (!meta || !bytes) throw new DomainError("NOT_FOUND", "附件不存在或不在本单位管辖范围内");
  return { name: meta.name, type: meta.type, base64: Buffer.from(bytes).toString("base64") };
}
