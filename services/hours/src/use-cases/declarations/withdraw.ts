import { type DeclarationDetail, type DeclarationIdInput, DomainError, hoursEvents } from "@ce/contracts";
import { eventMeta } from "@ce/service-kit";
import { findDeclaration, lockDeclaration, setStatus, toDetail } from "../../db/declarations.ts";
import type { HoursDeps } from "../../deps.ts";
import { declarationEvent } from "../../events/hours.ts";
import { type Caller, isProfessional } from "../caller.ts";

/**
 * 撤回: a professional takes back their own pending declaration, under its row lock, with a
 * declaration.withdrawn event in the same transaction. Raises DomainError FORBIDDEN for anyone
 * but a professional, NOT_FOUND when it is not theirs, CONFLICT when it is no longer pending.
 */
export async function withdraw(deps: HoursDeps, caller: Caller, { declarationId }: DeclarationIdInput): Promise<DeclarationDetail> {
  const p = caller.principal;
  if (!isProfessional(p)) throw new DomainError("FORBIDDEN", "只有申报本人可以撤回申报");
  const withdrawn = await deps.db.$transaction(async (tx) => {
    await lockDeclaration(tx, declarationId);
    const d = await findDeclaration(tx, { professionalId: p.accountId }, declarationId);
    if (!d) throw new DomainError("NOT_FOUND", "申报记录不存在");
    if (d.status !== "PENDING") throw new DomainError("CONFLICT", "该申报已处理，不能撤回");
    const updated = await setStatus(tx, d.id, "WITHDRAWN");
    await declarationEvent(tx, hoursEvents.declarationWithdrawn, updated, eventMeta(caller));
    return updated;
  });
  deps.nudgeOutbox();
  return toDetail(deps.db, withdrawn);
}
