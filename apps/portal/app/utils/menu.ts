import type { Me, Permission } from "@ce/contracts";

/** One page reachable from the menu. */
export interface MenuPage {
  label: string;
  path: string;
  /** Any one of these permission modules opens the page to an admin. */
  permissions: readonly Permission[];
  /** Whether a professional (用户类型 个人) uses this page for their own records. */
  forProfessional?: boolean;
  /** Only the province's admins (a department with no superior) use it; others never see it in the menu. */
  provinceOnly?: boolean;
  /** Only super admins use it (人年抽取: every person of the unit's subtree, pseudonymised). */
  superAdminOnly?: boolean;
}

/** One item of the top menu; the guide's breadcrumb reads `section > page`. */
export interface MenuSection {
  label: string;
  pages: readonly MenuPage[];
}

/** The guide's menu (§3), in its order. 首页 is not a section: everyone has it. */
export const menu: readonly MenuSection[] = [
  {
    label: "基本信息修改",
    pages: [
      { label: "基本信息修改", path: "/unit/profile", permissions: ["unit.profile.edit"] },
      // A professional's own profile and change requests (人员信息修改); admins never see it here.
      { label: "基本信息修改", path: "/me/profile", permissions: [], forProfessional: true },
    ],
  },
  {
    label: "管理直属账户",
    pages: [
      { label: "管理内设部门", path: "/accounts/departments", permissions: ["department.manage"] },
      { label: "管理单位管理员", path: "/accounts/admins", permissions: ["admin.manage"] },
      { label: "管理下级单位", path: "/accounts/subordinates", permissions: ["subordinate.view", "subordinate.manage"] },
      { label: "角色管理", path: "/accounts/roles", permissions: ["role.manage"] },
      { label: "管理继续教育基地", path: "/accounts/training-bases", permissions: ["trainingBase.manage"] },
      { label: "操作日志", path: "/audit", permissions: ["audit.view"] },
    ],
  },
  {
    label: "审核账户",
    pages: [
      { label: "审核用人单位", path: "/reviews/employers", permissions: ["review.employer"] },
      { label: "审核注册人员", path: "/reviews/professionals", permissions: ["review.professional"] },
      { label: "审核人员信息修改", path: "/reviews/profile-changes", permissions: ["review.profileChange"] },
      { label: "人员调转", path: "/reviews/transfers", permissions: ["transfer.manage"] },
      { label: "审核机构信息修改", path: "/reviews/unit-changes", permissions: ["review.unitChange"] },
    ],
  },
  {
    label: "学时申报",
    pages: [
      { label: "学时申报", path: "/hours/declare", permissions: ["hours.declare"], forProfessional: true },
      // The catalog every declaration loads its fields from; the hours service lets only the province edit it.
      { label: "学习形式管理", path: "/hours/forms", permissions: ["hours.approve"], provinceOnly: true },
    ],
  },
  {
    label: "查看申报记录",
    pages: [
      { label: "学时申报记录", path: "/hours/records", permissions: ["hours.records"], forProfessional: true },
      // 学时证明 (issue 11 item 5): a professional's own; an admin issues one from a person's 学习记录 in 查询统计.
      { label: "学时证明", path: "/hours/proofs", permissions: [], forProfessional: true },
    ],
  },
  {
    label: "学时审批",
    pages: [{ label: "学时审批", path: "/hours/approvals", permissions: ["hours.approve"] }],
  },
  {
    label: "成果备案",
    pages: [{ label: "学时审验", path: "/hours/audits", permissions: ["hours.audit"] }],
  },
  {
    label: "批量导入",
    pages: [{ label: "批量导入", path: "/import", permissions: ["import.professionals"] }],
  },
  {
    label: "查询统计",
    pages: [
      { label: "专业技术人员数量查询", path: "/stats/counts", permissions: ["stats.view"] },
      { label: "专业技术人员信息查询", path: "/stats/professionals", permissions: ["stats.view"] },
      { label: "职称系列分布情况", path: "/stats/title-series", permissions: ["stats.view"] },
      { label: "学习记录验证", path: "/stats/verification", permissions: ["stats.view"] },
      { label: "管理看板", path: "/stats/dashboard", permissions: ["stats.view"] },
      { label: "人年抽取", path: "/stats/extract", permissions: ["stats.view"], superAdminOnly: true },
      // 接口令牌 (issue 11 item 1): tokens for analysts and other systems to call reporting's HTTP API.
      { label: "接口令牌管理", path: "/stats/api-tokens", permissions: ["stats.view"], superAdminOnly: true },
    ],
  },
];

/** What decides a viewer's menu: all of it in the session identity wrote at login (Me). */
type Viewer = Pick<Me, "userType" | "permissions" | "isProvince"> & { isSuperAdmin?: boolean };

/**
 * Whether the viewer may open a page: a professional their self-service pages only; an admin a
 * page any of whose permission modules they hold, and a province-only page only when their unit
 * is the province (`isProvince`, decided once at login).
 */
export function canOpen(viewer: Viewer, page: MenuPage): boolean {
  if (viewer.userType === "PROFESSIONAL") return page.forProfessional === true;
  if (page.provinceOnly && !viewer.isProvince) return false;
  if (page.superAdminOnly && viewer.isSuperAdmin !== true) return false;
  return page.permissions.some((p) => viewer.permissions.includes(p));
}

/** The menu as one viewer sees it: pages they may open, sections with at least one of them. */
export function visibleMenu(viewer: Viewer): MenuSection[] {
  return menu.map((section) => ({ ...section, pages: section.pages.filter((page) => canOpen(viewer, page)) })).filter((section) => section.pages.length > 0);
}

/** Where a page sits in the menu, for breadcrumbs and the highlighted item. */
export function locate(pathname: string): { section: MenuSection; page: MenuPage } | null {
  for (const section of menu) {
    for (const page of section.pages) {
      if (pathname === page.path || pathname.startsWith(`${page.path}/`)) return { section, page };
    }
  }
  return null;
}

/** A section's own address: its first page the viewer may open. */
export function sectionHref(section: MenuSection): string {
  return section.pages[0]?.path ?? "/";
}
