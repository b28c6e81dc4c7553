import type { DeclarationRow, ListAuditsInput, Page } from "@ce/contracts";
import { listAuditable } from "../../db/audits.ts";
import type { HoursDeps } from "../../deps.ts";
import { type Caller, deciderOf } from "../caller.ts";

/** 学时审验 list (全部 or a seeded sample) of the caller's subordinates. Raises DomainError FORBIDDEN for an account without a unit. */
export function listAudits(deps: HoursDeps, { principal }: Caller, input: ListAuditsInput): Promise<Page<DeclarationRow>> {
  return listAuditable(deps.db, deciderOf(principal, "当前账户不能审验学时").scopePath, input);
}
