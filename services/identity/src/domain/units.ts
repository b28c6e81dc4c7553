import {
  DomainError,
  isSubordinateOf,
  parseUnitCode,
  type TrainingLevel,
  type UnitKind,
  type UnitNature,
  type UnitSnapshot,
  type UnitStatus,
  unitCodeErrorMessages,
  unitPath,
} from "@ce/contracts";

/** Refusals of a unit's own writes (新增, 修改, 删除 of a unit) and of 管理下级单位. */
export const unitMessages = {
  codeTaken: "该机构代码/统一社会信用代码已被注册",
  codeTakenAtApproval: (name: string) => `“${name}”的机构代码/统一社会信用代码已被另一家审核通过的单位使用，不能审核通过；请核实后驳回`,
  superiorMissing: "上级部门不存在",
  notFound: "单位不存在",
  noSubordinateScope: "当前账户没有可管理的下级单位",
  subordinateNotFound: "下级单位不存在",
  hasSubordinates: "该单位还有下级单位，请先处理其下级单位",
  hasPeople: "该单位还有专业技术人员（含待审核），不能删除",
  hasRequests: "该单位还有待审核的申请，请处理后再删除",
  superAdmin: "不能删除该单位的超级管理员",
  adminNotFound: "管理员不存在",
} as const;

export interface NewUnit {
  /** Given by the caller when it must know the id in advance (fixtures); otherwise generated. */
  id?: string;
  name: string;
  kind: UnitKind;
  nature: UnitNature;
  industry: string | null;
  region: string | null;
  code: string | null;
  /** The applicant confirmed a credit code whose check character does not match (see normalizeUnitCode). */
  codeConfirmed?: boolean;
  superiorId: string | null;
  status: UnitStatus;
  trainingLevel: TrainingLevel | null;
}

export interface SuperiorUnit {
  id: string;
  kind: string;
  path: string;
}

/** The fields of a unit that an update may change; moving a unit (更换上级部门) is a separate flow. */
export type UnitPatch = Partial<Pick<NewUnit, "name" | "nature" | "industry" | "region" | "code" | "codeConfirmed" | "status" | "trainingLevel">>;

/**
 * Normalises a typed org/credit code (GB 11714 / GB 32100 via parseUnitCode); an empty one is null.
 * A credit code whose check character does not match is refused with "…请与营业执照核对后确认" on
 * field `code` unless `confirmed`; every other fault is refused with its reason.
 */
export function normalizeUnitCode(code: string | null, confirmed = false): string | null {
  if (code === null || code.trim() === "") return null;
  const parsed = parseUnitCode(code, { acceptCheckMismatch: confirmed });
  if (!parsed.ok) throw new DomainError("BAD_REQUEST", unitCodeErrorMessages[parsed.reason], "code");
  return parsed.value.normalized;
}

/** True for a stored (already accepted) code whose check character does not match: the flag reviewers see. */
export function codeCheckMismatch(code: string | null): boolean {
  return code !== null && !parseUnitCode(code).ok;
}

/**
 * Checks a new unit against the hierarchy rules and places it: the root and every superior are
 * supervising departments; only CE bases carry a 施教级别.
 */
export function placeUnit(id: string, input: NewUnit, superior: SuperiorUnit | null): UnitSnapshot {
  const name = input.name.trim();
  if (!name) throw new DomainError("BAD_REQUEST", "请输入单位名称", "name");
  if (input.superiorId !== (superior?.id ?? null)) throw new Error("superior does not match superiorId");
  if (superior === null && input.kind !== "AUTHORITY") throw new DomainError("BAD_REQUEST", "请选择上级部门", "superiorId");
  if (superior !== null && superior.kind !== "AUTHORITY") throw new DomainError("BAD_REQUEST", "上级部门必须是主管部门", "superiorId");
  const trainingLevel = checkTrainingLevel(input.kind, input.trainingLevel);
  const path = unitPath(superior?.path ?? null, id);
  return {
    unitId: id,
    name,
    kind: input.kind,
    nature: input.nature,
    industry: input.industry,
    region: input.region,
    code: normalizeUnitCode(input.code, input.codeConfirmed),
    superiorId: superior?.id ?? null,
    path,
    status: input.status,
    trainingLevel,
    version: 1,
  };
}

/** The snapshot after an update: changed fields applied, version one higher. */
export function applyUnitPatch(current: UnitSnapshot, patch: UnitPatch): UnitSnapshot {
  const next: UnitSnapshot = { ...current, version: current.version + 1 };
  if (patch.name !== undefined) {
    next.name = patch.name.trim();
    if (!next.name) throw new DomainError("BAD_REQUEST", "请输入单位名称", "name");
  }
  if (patch.nature !== undefined) next.nature = patch.nature;
  if (patch.industry !== undefined) next.industry = patch.industry;
  if (patch.region !== undefined) next.region = patch.region;
  if (patch.code !== undefined) next.code = normalizeUnitCode(patch.code, patch.codeConfirmed);
  if (patch.status !== undefined) next.status = patch.status;
  if (patch.trainingLevel !== undefined) next.trainingLevel = checkTrainingLevel(current.kind, patch.trainingLevel);
  return next;
}

function checkTrainingLevel(kind: UnitKind, level: TrainingLevel | null): TrainingLevel | null {
  if (kind === "TRAINING_BASE" && level === null) throw new DomainError("BAD_REQUEST", "请选择施教级别", "trainingLevel");
  if (kind !== "TRAINING_BASE" && level !== null) throw new DomainError("BAD_REQUEST", "只有继续教育基地有施教级别", "trainingLevel");
  return level;
}

/**
 * 管理下级单位 acts only on a unit strictly below the caller's (`scopePath`) that is not deleted;
 * anything else, absent units included, is refused alike with DomainError NOT_FOUND on `unitId`
 * (下级单位不存在), so another unit's existence is not revealed.
 */
export function checkSubordinate<U extends { path: string; status: string }>(scopePath: string, unit: U | null): asserts unit is U {
  if (!unit || !isSubordinateOf(scopePath, unit.path) || unit.status === "DISABLED")
    throw new DomainError("NOT_FOUND", unitMessages.subordinateNotFound, "unitId");
}

/** What still hangs on a unit: its not-deleted subordinates, its professionals (any status), pending change requests it filed or must approve. */
export interface UnitDependents {
  subordinates: number;
  people: number;
  pendingRequests: number;
}

/** 删除 of a subordinate unit: only when nothing hangs on it, refused with DomainError CONFLICT naming the first thing that does. */
export function checkDeletable(dependents: UnitDependents): void {
  if (dependents.subordinates > 0) throw new DomainError("CONFLICT", unitMessages.hasSubordinates);
  if (dependents.people > 0) throw new DomainError("CONFLICT", unitMessages.hasPeople);
  if (dependents.pendingRequests > 0) throw new DomainError("CONFLICT", unitMessages.hasRequests);
}

/** The statuses in which a unit holds its code (unique among them); a PENDING or REJECTED claim holds nothing. */
export const CODE_HOLDING_STATUSES: readonly UnitStatus[] = ["APPROVED", "DISABLED"];

/**
 * Whether writing `next` over `current` must check that no other unit holds its code: when `next`
 * holds a code and either did not hold one before (PENDING → APPROVED: uniqueness is checked at
 * approval) or changes it. A new unit is `current` null. Pure.
 */
export function claimsCode(current: { code: string | null; status: UnitStatus } | null, next: { code: string | null; status: UnitStatus }): boolean {
  if (!next.code || !CODE_HOLDING_STATUSES.includes(next.status)) return false;
  return !current || !CODE_HOLDING_STATUSES.includes(current.status) || current.code !== next.code;
}
