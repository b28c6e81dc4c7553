import { codeText, DomainError, educationName, maskPhone, type ProfileChangeField, profileChangeFields, titleLevelName, titleSeriesName } from "@ce/contracts";

export type ProfileValues = Record<ProfileChangeField, string | null>;

/** One stored change: the values as people may see them; a new phone also travels encrypted. */
export interface StoredChange {
  old: string | null;
  new: string | null;
  newEnc?: string;
}
export type StoredChanges = Partial<Record<ProfileChangeField, StoredChange>>;

/**
 * The fields whose requested value differs from the current one, in the form's order. A phone is
 * kept masked on both sides (its new value encrypted beside), so the request never holds it in clear.
 */
export function diffProfile(
  current: ProfileValues & { phoneMasked: string | null },
  requested: Partial<ProfileValues>,
  encrypt: (plain: string) => string,
): StoredChanges {
  const changes: StoredChanges = {};
  for (const field of Object.keys(profileChangeFields) as ProfileChangeField[]) {
    const next = requested[field];
    if (next === undefined || next === current[field]) continue;
    if (field === "phone") {
      if (next === null) continue;
      changes.phone = { old: current.phoneMasked, new: maskPhone(next), newEnc: encrypt(next) };
    } else {
      changes[field] = { old: current[field], new: next };
    }
  }
  if (Object.keys(changes).length === 0) throw new DomainError("BAD_REQUEST", "没有需要修改的信息");
  return changes;
}

/** How a stored value reads in 查看变更明细 (codes as their Chinese names). */
export function displayValue(field: ProfileChangeField, value: string | null, departmentName: (id: string) => string | undefined): string | null {
  if (value === null) return null;
  if (field === "education") return codeText(educationName, value);
  if (field === "titleSeries") return codeText(titleSeriesName, value);
  if (field === "titleLevel") return codeText(titleLevelName, value);
  if (field === "departmentId") return codeText(departmentName, value);
  return value;
}
