import { PLATFORM_NAME } from "./brand.ts";
import { locate } from "./menu.ts";

/** Pages outside the menu that people open by address, by path. */
const OTHER_PAGES: Readonly<Record<string, string>> = {
  "/": "首页",
  "/login": "登录",
  "/account/password": "修改密码",
  "/reset-password": "重置密码",
  "/dev/mailbox": "开发邮箱",
};

/**
 * The browser's title of the page at `pathname` (WCAG 2.4.2 页面标题): the menu page it belongs to
 * (utils/menu.ts locate, so a 详细 page reads as its list's), or the named page outside the menu,
 * then the platform's name — `学时审批 - 山东省交通运输厅…平台`; the platform's name alone for
 * anything else (every route that sets its own title keeps it).
 */
export function pageTitle(pathname: string): string {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname;
  const label = locate(path)?.page.label ?? (Object.hasOwn(OTHER_PAGES, path) ? OTHER_PAGES[path] : undefined);
  return label ? `${label} - ${PLATFORM_NAME}` : PLATFORM_NAME;
}
