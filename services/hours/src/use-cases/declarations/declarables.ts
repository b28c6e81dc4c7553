import type { DeclarableProfessional, DeclarablesInput, Page } from "@ce/contracts";
import { declarableProfessionals } from "../../db/declarations.ts";
import type { HoursDeps } from "../../deps.ts";
import { type Caller, declareScope } from "../caller.ts";

/**
 * 选择申请人 › 添加人员: one page of the approved professionals the caller may declare for
 * (declareScope: their subtree, a CE base's the province), by part of the name, by name; `total`
 * counts every match (the picker pages through them all). Raises FORBIDDEN without hours.declare.
 */
export async function listDeclarables(deps: HoursDeps, { principal }: Caller, input: DeclarablesInput): Promise<Page<DeclarableProfessional>> {
  const scope = declareScope(principal);
  if (!("scopePath" in scope)) return { items: [], total: 0, page: 1, pageSize: input.pageSize };
  return declarableProfessionals(deps.db, scope.scopePath, input);
}
