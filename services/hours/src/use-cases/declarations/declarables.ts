import type { DeclarableProfessional } from "@ce/contracts";
import { declarableProfessionals } from "../../db/declarations.ts";
import type { HoursDeps } from "../../deps.ts";
import { type Caller, scopePathOf } from "../caller.ts";

/** 选择申请人 › 添加人员: approved professionals of the caller's subtree. Raises FORBIDDEN without a scope. */
export function listDeclarables(deps: HoursDeps, { principal }: Caller, name: string | undefined): Promise<DeclarableProfessional[]> {
  return declarableProfessionals(deps.db, scopePathOf(principal), name || undefined);
}
