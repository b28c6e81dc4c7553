import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet, useLoaderData, useRouteError, useRouteLoaderData } from "@remix-run/react";
import { AppShell } from "../components/AppShell.tsx";
import { ErrorPanel } from "../components/ErrorPanel.tsx";
import { requireUser } from "../utils/session.server.ts";

// Every signed-in page sits under this layout; without a valid session it sends people to /login.
export async function loader({ request, context }: LoaderFunctionArgs) {
  // The session carries all the menu needs (permissions, and isProvince for 学习形式管理): no further call.
  const { me } = await requireUser(request, context);
  return { me };
}

export default function SignedInLayout() {
  const { me } = useLoaderData<typeof loader>();
  return (
    <AppShell viewer={me}>
      <Outlet />
    </AppShell>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  // Present when a page below failed; absent when the session check itself failed.
  const layout = useRouteLoaderData<typeof loader>("routes/_app");
  return (
    <AppShell viewer={layout?.me ?? null}>
      <ErrorPanel error={error} />
    </AppShell>
  );
}
