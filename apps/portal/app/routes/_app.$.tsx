import { data, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { PlaceholderPage } from "../components/PlaceholderPage.tsx";
import { canOpen, locate, visibleMenu } from "../utils/menu.ts";
import { requireUser } from "../utils/session.server.ts";

/**
 * Every menu page that has no route of its own yet: the breadcrumb and a plain notice. A section's
 * own address (e.g. /accounts) opens its first page the user may use.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { me } = await requireUser(request, context);
  const { pathname } = new URL(request.url);
  const found = locate(pathname);
  if (!found) {
    const first = visibleMenu(me)
      .flatMap((s) => s.pages)
      .find((p) => p.path.startsWith(`${pathname.replace(/\/+$/, "")}/`));
    if (first) throw redirect(first.path);
    throw data({ message: "您访问的页面不存在" }, { status: 404 });
  }
  if (!canOpen(me, found.page)) throw data({ message: "您没有权限访问该页面" }, { status: 403 });
  return { trail: [found.section.label, found.page.label] };
}

export default function NotYetBuiltPage() {
  return <PlaceholderPage trail={useLoaderData<typeof loader>().trail} />;
}
