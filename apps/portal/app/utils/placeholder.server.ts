import { data, type AppLoadContext } from "@remix-run/node";
import { canOpen, locate } from "./menu.ts";
import { requireUser } from "./session.server.ts";

/**
 * Loader body of a page below a menu page that is not built yet (e.g. a unit's 详细): checks the
 * menu page's permission and returns the breadcrumb trail ending in `label`.
 */
export async function placeholderPage(request: Request, context: AppLoadContext | undefined, menuPath: string, label: string) {
  const { me } = await requireUser(request, context);
  const here = locate(menuPath);
  if (!here || !canOpen(me, here.page)) throw data({ message: "您没有权限访问该页面" }, { status: 403 });
  return { trail: [here.section.label, here.page.label, label] };
}
