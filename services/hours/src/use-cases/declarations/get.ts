import { type DeclarationDetail, type DeclarationIdInput, DomainError } from "@ce/contracts";
import { anomaliesOf } from "../../db/anomalies.ts";
import { findDeclaration, toDetail } from "../../db/declarations.ts";
import type { HoursDeps } from "../../deps.ts";
import { anomalyLabels } from "../../domain/anomalies.ts";
import { waitsFor } from "../../domain/approval.ts";
import { type Caller, recordsScope, VIEWERS } from "../caller.ts";

/**
 * 详细: one declaration the caller may see; the unit now handling it (学时审批 › 审核, new-user pass
 * F5) also gets its 异常提示, as the list shows them. Raises DomainError FORBIDDEN (no viewing right) or NOT_FOUND.
 */
export async function getDeclaration(deps: HoursDeps, { principal }: Caller, { declarationId }: DeclarationIdInput): Promise<DeclarationDetail> {
  const d = await findDeclaration(deps.db, recordsScope(principal, ...VIEWERS), declarationId);
  if (!d) throw new DomainError("NOT_FOUND", "申报记录不存在或不在您的管理范围内");
  const detail = await toDetail(deps.db, d);
  const handling = principal.unitId !== null && waitsFor(d, principal.unitId) && principal.permissions.includes("hours.approve");
  if (!handling) return detail;
  const flags = (await anomaliesOf(deps.db, [d.id])).get(d.id) ?? [];
  return { ...detail, flags: flags.map((c) => anomalyLabels[c]) };
}
