import { type DeclarationDetail, type DeclarationIdInput, DomainError } from "@ce/contracts";
import { findDeclaration, toDetail } from "../../db/declarations.ts";
import type { HoursDeps } from "../../deps.ts";
import { type Caller, recordsScope, VIEWERS } from "../caller.ts";

/** 详细: one declaration the caller may see. Raises DomainError FORBIDDEN (no viewing right) or NOT_FOUND. */
export async function getDeclaration(deps: HoursDeps, { principal }: Caller, { declarationId }: DeclarationIdInput): Promise<DeclarationDetail> {
  const d = await findDeclaration(deps.db, recordsScope(principal, ...VIEWERS), declarationId);
  if (!d) throw new DomainError("NOT_FOUND", "申报记录不存在或不在您的管理范围内");
  return toDetail(deps.db, d);
}
