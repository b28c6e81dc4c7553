import { DomainError } from "@ce/contracts";

/** The person must be an approved professional still in the unit the transfer leaves. */
export function checkTransferable(p: { status: string; unitId: string } | null): asserts p is { status: string; unitId: string } {
  if (p?.status !== "APPROVED") throw new DomainError("BAD_REQUEST", "只能调转审核通过的专业技术人员", "accountId");
}

/** The target must be another approved employer (调入单位). */
export function checkTargetUnit(target: { id: string; kind: string; status: string } | null, fromUnitId: string): void {
  if (target?.status !== "APPROVED" || target.kind !== "EMPLOYER") throw new DomainError("BAD_REQUEST", "请选择有效的调入单位", "toUnitId");
  if (target.id === fromUnitId) throw new DomainError("BAD_REQUEST", "调入单位不能是本单位", "toUnitId");
}

/** A transfer is decided once; a second decision is a conflict, not a repeat. */
export function checkUndecided(status: string): void {
  if (status !== "PENDING") throw new DomainError("CONFLICT", "该调转申请已处理");
}

/**
 * The reason a 人员信息修改 still pending when its person's transfer is accepted is closed with: it was
 * addressed to the unit they left, so they submit it again to `newUnitName`.
 */
export function transferClosesChangeReason(newUnitName: string): string {
  return `人员已调入${newUnitName}，请向新单位重新提交信息修改`;
}
