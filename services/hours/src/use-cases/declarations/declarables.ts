import { type DeclarableProfessional, DomainError } from "@ce/contracts";
import { declarableProfessionals } from "../../db/declarations.ts";
import type { HoursDeps } from "../../deps.ts";
import type { Caller } from "../caller.ts";

/** 选择申请人 › 添加人员: approved professionals of the caller's subtree. Raises FORBIDDEN without a scope. */
export function listDeclarables(deps: HoursDeps, { principal }: Caller, name: string | undefined): Promise<DeclarableProfessional[]> {
  if (!principal.scopePath) throw new DomainError("FORBIDDEN", "当前账户没有可管理的人员");
  return declarableProfessionals(deps.db, principal.scopePath, name || undefined);
}
