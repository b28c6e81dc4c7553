import { DomainError, isWithinScope } from "@ce/contracts";

export const unitChangeMessages = {
  pending: "本单位已有待审核的机构信息修改申请，请等待审核完成或撤销后再申请",
  noSuperior: "本单位没有上级部门，不能申请修改",
  sameCode: "新的机构代码与当前相同",
  sameSuperior: "所选单位已是本单位的上级部门",
  cycle: "不能选择本单位或本单位的下级单位作为上级部门",
  notAuthority: "上级部门必须是审核通过的主管部门",
  notFound: "申请不存在",
  notPending: "该申请已被处理，请刷新后查看",
} as const;

/** Checks a proposed new superior: an approved authority, not the current one, not in the unit's own subtree. */
export function checkNewSuperior(
  unit: { id: string; path: string; superiorId: string | null },
  candidate: { id: string; kind: string; status: string; path: string },
): void {
  if (!unit.superiorId) throw new DomainError("BAD_REQUEST", unitChangeMessages.noSuperior);
  if (candidate.id === unit.superiorId) throw new DomainError("BAD_REQUEST", unitChangeMessages.sameSuperior, "superiorId");
  if (isWithinScope(unit.path, candidate.path)) throw new DomainError("BAD_REQUEST", unitChangeMessages.cycle, "superiorId");
  if (candidate.kind !== "AUTHORITY" || candidate.status !== "APPROVED") throw new DomainError("BAD_REQUEST", unitChangeMessages.notAuthority, "superiorId");
}

/** Who decides: the superior for a code change; the old AND the new superior for a move. */
export function approversOf(request: { kind: "CODE" | "SUPERIOR"; oldSuperiorId: string | null; newSuperiorId: string | null }): string[] {
  if (!request.oldSuperiorId) throw new DomainError("BAD_REQUEST", unitChangeMessages.noSuperior);
  if (request.kind === "CODE") return [request.oldSuperiorId];
  if (!request.newSuperiorId) throw new Error("a superior change without a new superior");
  return [request.oldSuperiorId, request.newSuperiorId];
}

/** A request's fate from its approvals: any rejection rejects it; it applies only when all approved. */
export function requestOutcome(approvals: readonly { status: string }[]): "PENDING" | "APPROVED" | "REJECTED" {
  if (approvals.some((a) => a.status === "REJECTED")) return "REJECTED";
  return approvals.length > 0 && approvals.every((a) => a.status === "APPROVED") ? "APPROVED" : "PENDING";
}

/** The unit's path below its new superior; every path in its subtree swaps the old prefix for it. */
export function movedPath(oldPath: string, newSuperiorPath: string): string {
  const segments = oldPath.split("/").filter(Boolean);
  const own = segments[segments.length - 1];
  if (!own) throw new Error(`bad unit path ${oldPath}`);
  return `${newSuperiorPath}${own}/`;
}
