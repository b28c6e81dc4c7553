import { type AppLoadContext, data } from "@remix-run/node";
import { canOpen, locate } from "./menu.ts";
import { requireUser } from "./session.server.ts";

/**
 * 学习形式管理's pages open to whoever holds the page's permission; `allowed` says whether they may
 * edit: the province, as identity wrote into the session at login (`me.isProvince`, the rule
 * isProvinceUnit in contracts, the same the hours service enforces). The others see a notice.
 * Costs no service call beyond the one that resolves the session.
 */
export async function requireFormsViewer(request: Request, context: AppLoadContext | undefined) {
  const { me, api } = await requireUser(request, context);
  const here = locate("/hours/forms");
  if (!here || !canOpen({ ...me, isProvince: true }, here.page)) throw data({ message: "您没有权限访问该页面" }, { status: 403 });
  return { me, api, here, allowed: me.isProvince };
}
