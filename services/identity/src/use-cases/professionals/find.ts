import {
  DomainError,
  declareScopePath,
  type FindProfessionalInput,
  IdType,
  type Permission,
  type PickedProfessional,
  type PickPurpose,
  parseIdNumber,
} from "@ce/contracts";
import { pickableByIdNumber } from "../../db/pickers.ts";
import type { IdentityDeps } from "../../deps.ts";
import { lookupByIdNumber } from "../../security/id-lookup.ts";
import { type Caller, reviewScope } from "../scope.ts";

/** The permission module each purpose of the picker needs, and the purpose written to the access log. */
const purposes: Record<PickPurpose, { permission: Permission; logged: string }> = {
  DECLARE: { permission: "hours.declare", logged: "学时申报：选择申请人" },
  TRANSFER: { permission: "transfer.manage", logged: "人员调出：添加人员" },
  ADMIN: { permission: "admin.manage", logged: "新增管理员：选择成为管理员" },
};

/**
 * The portal picker's search by full 证件号: the approved professional the caller may pick for
 * `purpose` (PickPurpose) — in the caller's subtree, or for a CE base's DECLARE the province — or
 * null. The number is tried as every 证件类型 it is valid for (blind index; the number itself is
 * never stored or logged), through the one rate-limited, logged gate
 * (lookupByIdNumber: TOO_MANY_REQUESTS past the day's limit). Raises FORBIDDEN when the caller
 * lacks the purpose's permission module, and BAD_REQUEST on `idNumber` when it is valid for no
 * 证件类型.
 */
export async function findProfessional(
  deps: IdentityDeps,
  caller: Caller & { clientIp: string | null },
  input: FindProfessionalInput,
): Promise<PickedProfessional | null> {
  const { permission, logged } = purposes[input.purpose];
  if (!caller.principal.permissions.includes(permission)) throw new DomainError("FORBIDDEN", "没有按证件号查找该人员的权限");
  const subtree = reviewScope(caller.principal);
  // A 继续教育基地 declares for the people it trained, wherever they work (declareScopePath).
  const scope = input.purpose === "DECLARE" ? { ...subtree, scopePath: declareScopePath(subtree.scopePath, caller.principal.unitKind) } : subtree;
  const keys = IdType.options.flatMap((idType) => {
    const parsed = parseIdNumber(idType, input.idNumber);
    return parsed.ok ? [{ idType, idNumberHash: deps.pii.blindIndex(idType, parsed.normalized) }] : [];
  });
  if (keys.length === 0) throw new DomainError("BAD_REQUEST", "证件号格式不正确", "idNumber");
  const viewer = { accountId: caller.principal.accountId, clientIp: caller.clientIp, requestId: caller.requestId };
  const found = await lookupByIdNumber(deps, viewer, logged, () => pickableByIdNumber(deps.db, { ...scope, purpose: input.purpose }, keys));
  if (!found) return null;
  const { id: _id, ...person } = found;
  return person;
}
