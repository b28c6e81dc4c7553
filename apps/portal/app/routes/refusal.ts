import { type ActionFunctionArgs, data } from "@remix-run/node";
import { messages } from "../utils/errors.server.ts";
import { errorAnswer, resourceLoader } from "../utils/resource.server.ts";

/**
 * The address server.ts hands a request of Remix's own fetch (single fetch, a path ending `.data`)
 * that its wall refused before any action ran — a missing or stale CSRF token, another site's
 * origin, a body over the limit. Remix's client can only read Remix's own encoding, so an answer
 * written by Express (JSON or a page) reached the person as 系统繁忙; thrown from here it is the
 * page's error with the wall's status and Chinese message (e.g. 403 页面已过期，请刷新页面后重试).
 *
 * Anything else reaching this address — a browser typing it, a POST without the wall's note in
 * the load context — is answered 404 您访问的内容不存在: nothing outside server.ts chooses the message.
 */
export function action({ request, context }: ActionFunctionArgs): Response {
  const refusal = context.refusal;
  if (refusal) throw data({ message: refusal.message }, { status: refusal.status });
  return errorAnswer(request, data({ message: messages.notFound }, { status: 404 }), context.cspNonce);
}

/** GET /refusal: 404, as for any address that is not a page. */
export const loader = resourceLoader(async () => {
  throw data({ message: messages.notFound }, { status: 404 });
});
