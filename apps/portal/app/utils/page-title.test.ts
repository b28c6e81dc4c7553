import { describe, expect, it } from "vitest";
import { PLATFORM_NAME } from "./brand.ts";
import { menu } from "./menu.ts";
import { pageTitle } from "./page-title.ts";

// New-user pass F23: every page had the same browser title, so tabs, history and screen readers could not tell them apart.
describe("pageTitle", () => {
  it.each([
    ["/", "首页"],
    ["/hours/approvals", "学时审批"],
    ["/hours/approvals/9b1c1c52-1f0e-4c55-9d5e-2f0f7f1f0a11", "学时审批"],
    ["/accounts/admins/new", "管理单位管理员"],
    ["/reviews/transfers/", "人员调转"],
    ["/stats/api-tokens", "接口令牌管理"],
    ["/account/password", "修改密码"],
    ["/login", "登录"],
  ])("%s → %s - platform", (path, label) => {
    expect(pageTitle(path)).toBe(`${label} - ${PLATFORM_NAME}`);
  });

  it.each(["/no/such/page", "/hours", "/toString", "/__proto__", ""])("%j → the platform's name alone", (path) => {
    expect(pageTitle(path)).toBe(PLATFORM_NAME);
  });

  it("names every menu page by its own label", () => {
    for (const page of menu.flatMap((s) => s.pages)) expect(pageTitle(page.path)).toBe(`${page.label} - ${PLATFORM_NAME}`);
  });
});
