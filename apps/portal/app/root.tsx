import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useRouteError } from "@remix-run/react";
import type { ReactNode } from "react";
import { config as zodConfig } from "zod";
import { ErrorPanel } from "./components/ErrorPanel.tsx";
import { useCleanIndexUrl } from "./components/Form.tsx";
import stylesheet from "./tailwind.css?url";
import { PLATFORM_NAME } from "./utils/brand.ts";
import { takeFlash } from "./utils/flash.server.ts";
import { useNonce } from "./utils/nonce.ts";
import { pageTitle } from "./utils/page-title.ts";

// The CSP allows no eval: zod would otherwise probe `new Function` in the browser (a reported
// violation even though it catches the refusal) before it validates a form.
if (typeof document !== "undefined") zodConfig({ jitless: true });

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  // No icon yet: an empty one keeps browsers from asking /favicon.ico (which needs a session).
  { rel: "icon", href: "data:," },
];

/**
 * This browser's CSRF token (server.ts), for the shared Form component's hidden input, a fresh
 * nonce for its idempotency keys (new on every load, so each successful action renders new keys),
 * and the flash an action left before redirecting here (read once: the cookie is cleared).
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { flash, clear } = await takeFlash(request);
  return data({ csrfToken: context.csrfToken ?? "", formNonce: crypto.randomUUID(), flash }, clear ? { headers: { "Set-Cookie": clear } } : undefined);
}

/** Each page's own title (utils/page-title.ts); routes with a meta of their own override it. */
export const meta: MetaFunction = ({ location }) => [{ title: pageTitle(location.pathname) }];

export function Layout({ children }: { children: ReactNode }) {
  // Remix's inline scripts must carry the nonce of this response's Content-Security-Policy.
  const nonce = useNonce();
  return (
    <html lang="zh-CN">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body className="min-h-screen bg-slate-100 font-sans text-gray-900 antialiased">
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  useCleanIndexUrl();
  return <Outlet />;
}

/** Last resort for anything no route handled: a Chinese message, never a stack trace. */
export function ErrorBoundary() {
  const error = useRouteError();
  return (
    <div className="min-h-screen">
      <header className="bg-blue-800 px-6 py-4 text-lg font-semibold text-white">{PLATFORM_NAME}</header>
      <main className="mx-auto max-w-3xl p-6">
        <ErrorPanel error={error} />
      </main>
    </div>
  );
}
