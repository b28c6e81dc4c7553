import { allPermissions, permissionModules } from "@ce/contracts";
import { describe, expect, it } from "vitest";
import { locate, menu, visibleMenu } from "./menu.ts";

const labels = (sections: ReturnType<typeof visibleMenu>) => sections.map((s) => s.label);

describe("the menu", () => {
  it("lists the guide's functions in the guide's order", () => {
    expect(menu.map((s) => s.label)).toEqual([
      "基本信息修改",
      "管理直属账户",
      "审核账户",
      "学时申报",
      "查看申报记录",
      "学时审批",
      "成果备案",
      "批量导入",
      "查询统计",
    ]);
  });

  it("guards each admin page with permission modules that belong to its menu item", () => {
    const menuOf = new Map<string, string>(permissionModules.map((m) => [m.code, m.menu]));
    for (const section of menu) {
      for (const page of section.pages) {
        // Only a professional's own page goes without a permission module.
        if (page.permissions.length === 0) expect(page.forProfessional).toBe(true);
        // 学习形式管理 sits under 学时申报 but is the province approvers' page (the service checks 学时审批).
        if (page.provinceOnly) expect(page.permissions).toEqual(["hours.approve"]);
        else for (const p of page.permissions) expect(menuOf.get(p)).toBe(section.label);
      }
    }
  });

  it("shows a super admin every item", () => {
    expect(labels(visibleMenu({ userType: "AUTHORITY", permissions: [...allPermissions], isProvince: false, isSuperAdmin: true }))).toEqual(
      menu.map((s) => s.label),
    );
  });

  // The session says what decides the menu (Me: user type, permissions, isProvince); no page asks a service.
  const allPages = menu.flatMap((s) => s.pages.filter((p) => !p.forProfessional || p.permissions.length > 0).map((p) => p.path));
  it.each<{ who: string; viewer: Parameters<typeof visibleMenu>[0]; hidden: string[] }>([
    {
      who: "the province's super admin",
      viewer: { userType: "AUTHORITY", permissions: [...allPermissions], isProvince: true, isSuperAdmin: true },
      hidden: [],
    },
    {
      who: "a city's super admin",
      viewer: { userType: "AUTHORITY", permissions: [...allPermissions], isProvince: false, isSuperAdmin: true },
      hidden: ["/hours/forms"],
    },
    {
      who: "an employer's super admin",
      viewer: { userType: "EMPLOYER", permissions: [...allPermissions], isProvince: false, isSuperAdmin: true },
      hidden: ["/hours/forms"],
    },
    {
      who: "a CE base's super admin",
      viewer: { userType: "TRAINING_BASE", permissions: [...allPermissions], isProvince: false, isSuperAdmin: true },
      hidden: ["/hours/forms"],
    },
    {
      who: "a province admin without 学时审批",
      viewer: { userType: "AUTHORITY", permissions: allPermissions.filter((p) => p !== "hours.approve"), isProvince: true },
      hidden: ["/hours/forms", "/hours/approvals", "/stats/extract", "/stats/api-tokens"],
    },
  ])("shows $who every admin page but $hidden", ({ viewer, hidden }) => {
    const shown = visibleMenu(viewer).flatMap((s) => s.pages.map((p) => p.path));
    expect(shown).toEqual(allPages.filter((p) => !hidden.includes(p)));
  });

  it("shows 学习形式管理 to the province's approvers alone", () => {
    const pagesOf = (isProvince: boolean) =>
      visibleMenu({ userType: "AUTHORITY", permissions: ["hours.declare", "hours.approve"], isProvince })
        .find((s) => s.label === "学时申报")
        ?.pages.map((p) => p.label);
    expect(pagesOf(true)).toEqual(["学时申报", "学习形式管理"]);
    expect(pagesOf(false)).toEqual(["学时申报"]);
    expect(labels(visibleMenu({ userType: "AUTHORITY", permissions: ["hours.declare"], isProvince: true }))).toEqual(["学时申报"]);
  });

  it("shows 人年抽取 to super admins alone (it holds every person of the subtree, pseudonymised)", () => {
    const statsPages = (isSuperAdmin: boolean) =>
      visibleMenu({ userType: "AUTHORITY", permissions: ["stats.view"], isProvince: false, isSuperAdmin })
        .find((s) => s.label === "查询统计")
        ?.pages.map((p) => p.path);
    expect(statsPages(true)).toContain("/stats/extract");
    expect(statsPages(false)).not.toContain("/stats/extract");
  });

  it("hides what an admin has no permission for", () => {
    const sections = visibleMenu({ userType: "EMPLOYER", permissions: ["subordinate.view", "hours.approve"], isProvince: false });
    expect(labels(sections)).toEqual(["管理直属账户", "学时审批"]);
    expect(sections[0]?.pages.map((p) => p.label)).toEqual(["管理下级单位"]);
  });

  it("shows a professional only the self-service items", () => {
    const sections = visibleMenu({ userType: "PROFESSIONAL", permissions: [], isProvince: false });
    expect(labels(sections)).toEqual(["基本信息修改", "学时申报", "查看申报记录"]);
    expect(sections[0]?.pages.map((p) => p.path)).toEqual(["/me/profile"]);
  });

  it("sends an admin's 基本信息修改 to the unit's profile, never to a professional's", () => {
    const sections = visibleMenu({ userType: "EMPLOYER", permissions: ["unit.profile.edit"], isProvince: false });
    expect(sections[0]?.pages.map((p) => p.path)).toEqual(["/unit/profile"]);
  });

  it("finds a page and the pages below it for the breadcrumb", () => {
    expect(locate("/accounts/subordinates")?.page.label).toBe("管理下级单位");
    expect(locate("/accounts/subordinates/abc/admins")?.section.label).toBe("管理直属账户");
    expect(locate("/accounts")).toBeNull();
  });
});
