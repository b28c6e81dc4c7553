import type { Me } from "@ce/contracts";
import { data, type AppLoadContext } from "@remix-run/node";
import { canOpen, locate } from "./menu.ts";
import { requireUser, type SignedIn } from "./session.server.ts";

/**
 * Whether the signed-in admin belongs to the province (a department with no superior), the only
 * unit the hours service lets edit the learning-form catalog. Its approval chain is itself alone.
 */
export async function isProvinceAdmin(me: Me, api: SignedIn["api"]): Promise<boolean> {
  if (me.userType !== "AUTHORITY" || !me.unitId || !me.permissions.includes("hours.approve")) return false;
  try {
    const chain = await api.hours.approvalChain.preview.query({ unitId: me.unitId });
    return chain.length === 1 && chain[0]!.id === me.unitId;
  } catch {
    return false;
  }
}

/**
 * 学习形式管理's pages open to whoever holds the page's permission; `allowed` says whether they may
 * edit (the province), the others see a notice.
 */
export async function requireFormsViewer(request: Request, context: AppLoadContext | undefined) {
  const { me, api } = await requireUser(request, context);
  const here = locate("/hours/forms");
  if (!here || !canOpen({ ...me, isProvince: true }, here.page)) throw data({ message: "您没有权限访问该页面" }, { status: 403 });
  return { me, api, here, allowed: await isProvinceAdmin(me, api) };
}
