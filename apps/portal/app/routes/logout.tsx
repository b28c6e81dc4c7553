import { type ActionFunctionArgs, redirect } from "@remix-run/node";
import { createApi } from "../utils/api.server.ts";
import { classifyError } from "../utils/errors.server.ts";
import { logError } from "../utils/log.server.ts";
import { resourceLoader } from "../utils/resource.server.ts";
import { destroySessionCookie, getToken } from "../utils/session.server.ts";

// 退出: end the identity session, drop the cookie. Only POST signs out (a link cannot).
export async function action({ request, context }: ActionFunctionArgs) {
  const token = await getToken(request);
  if (token) {
    try {
      await createApi(request, context, token).identity.auth.logout.mutate();
    } catch (error) {
      // An already-expired session is fine; anything else is logged, and the cookie goes anyway.
      if (classifyError(error).kind !== "unauthorized") logError("logout failed", error);
    }
  }
  return redirect("/login", { headers: { "Set-Cookie": await destroySessionCookie(request) } });
}

export const loader = resourceLoader(async () => redirect("/"));
