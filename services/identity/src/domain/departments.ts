import { type DepartmentNode, type DepartmentStatus, DomainError, matchesSearch } from "@ce/contracts";

export interface DepartmentRecord {
  id: string;
  parentId: string | null;
  name: string;
  sortOrder: number;
  status: DepartmentStatus;
}

export const departmentMessages = {
  notFound: "部门不存在",
  parentDisabled: "上级部门已禁用，请先启用上级部门",
  nameTaken: "同一上级下已有同名部门",
  activeChildren: "该部门还有启用的下级部门，请先禁用下级部门",
  hasPeople: "该部门还有人员（专业技术人员或管理员），请先调整他们的工作部门",
} as const;

/**
 * The tree in display order: siblings by 排序号 then name, each parent before its children. With a
 * name filter, the matching departments and their ancestors (so a match keeps its place).
 */
export function orderTree(rows: readonly DepartmentRecord[], nameFilter?: string): DepartmentNode[] {
  const byParent = new Map<string | null, DepartmentRecord[]>();
  const ids = new Set(rows.map((r) => r.id));
  for (const r of rows) {
    // An orphan (parent not listed) would otherwise vanish; show it as a root.
    const key = r.parentId !== null && ids.has(r.parentId) ? r.parentId : null;
    byParent.set(key, [...(byParent.get(key) ?? []), r]);
  }
  for (const list of byParent.values()) list.sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, "zh-CN") || a.id.localeCompare(b.id));

  const matches = (r: DepartmentRecord) => matchesSearch(r.name, nameFilter);
  const out: DepartmentNode[] = [];
  // Returns whether the subtree holds a match; collects its nodes only then.
  const walk = (parent: string | null, depth: number, into: DepartmentNode[]): boolean => {
    let any = false;
    for (const r of byParent.get(parent) ?? []) {
      const below: DepartmentNode[] = [];
      const childMatched = walk(r.id, depth + 1, below);
      const matched = matches(r);
      if (matched || childMatched) {
        into.push({ id: r.id, parentId: r.parentId, name: r.name, sortOrder: r.sortOrder, status: r.status, depth, matched }, ...below);
        any = true;
      }
    }
    return any;
  };
  walk(null, 0, out);
  return out;
}

/** Why a department may not be disabled: it must not leave active children or people without a home. */
export function checkDisable(state: { activeChildren: number; people: number }): void {
  if (state.activeChildren > 0) throw new DomainError("CONFLICT", departmentMessages.activeChildren);
  if (state.people > 0) throw new DomainError("CONFLICT", departmentMessages.hasPeople);
}

/** A department may be added below, or enabled under, only an active parent. */
export function checkParentActive(parent: { status: string } | null): void {
  if (parent && parent.status !== "ACTIVE") throw new DomainError("CONFLICT", departmentMessages.parentDisabled, "parentId");
}
