import type { DeclarableProfessional } from "@ce/contracts";
import { declarableProfessionals } from "../../db/declarations.ts";
import type { HoursDeps } from "../../deps.ts";
import { type Caller, declareScope } from "../caller.ts";

/**
 * 选择申请人 › 添加人员: approved professionals the caller may declare for (declareScope: their
 * subtree, a CE base's the province), by part of the name. Raises FORBIDDEN without hours.declare.
 */
export async function listDeclarables(deps: HoursDeps, { principal }: Caller, name: string | undefined): Promise<DeclarableProfessional[]> {
  const scope = declareScope(principal);
  if (!("scopePath" in scope)) return [];
  return declarableProfessionals(deps.db, scope.scopePath, name || undefined);
}
