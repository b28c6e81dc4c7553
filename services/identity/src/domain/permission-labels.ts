import { type Permission, permissionModules } from "@ce/contracts";

const labels = new Map<string, string>(permissionModules.map((m) => [m.code, m.label]));

/** The Chinese label of a permission module, for messages and the audit trail. */
export const permissionLabelOf = (p: Permission): string => labels.get(p) ?? p;
