import { DomainError, type UnitKind } from "@ce/contracts";
import type { RateLimit } from "./lockout.ts";

/** Self-registrations per client address and hour: enough for a shared office, not for a script. */
export const registrationLimit: RateLimit = { max: 20, windowS: 3600 };

/** Units a professional may register under (所在单位). */
export const professionalUnitKinds: readonly UnitKind[] = ["EMPLOYER", "TRAINING_BASE", "AUTHORITY"];

/** The chosen unit must exist, be approved and be of a kind the form offers. */
export function checkChosenUnit(unit: { kind: string; status: string } | null, kinds: readonly string[], field: string, label: string): void {
  if (unit?.status !== "APPROVED" || !kinds.includes(unit.kind)) throw new DomainError("BAD_REQUEST", `请选择有效的${label}`, field);
}

/** A chosen 工作部门 must be an active department of the chosen unit. */
export function checkChosenDepartment(department: { unitId: string; status: string } | null, unitId: string): void {
  if (!department || department.unitId !== unitId || department.status !== "ACTIVE")
    throw new DomainError("BAD_REQUEST", "请选择所在单位的工作部门", "departmentId");
}
