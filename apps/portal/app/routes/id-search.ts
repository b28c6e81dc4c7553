import type { ActionFunctionArgs } from "@remix-run/node";
import { readTextForm } from "../utils/form-data.server.ts";
import { idSearchRedirect } from "../utils/id-search.server.ts";
import { requireUser } from "../utils/session.server.ts";

// The one way a search by 证件号 reaches a page (utils/id-search.server.ts): its filter form posts
// here with `to` (the page's path); the answer is a 303 to that page with the number sealed behind
// an `idq` token. Signed-in users only: the sealed values are bound to the session.
export async function action({ request, context }: ActionFunctionArgs) {
  await requireUser(request, context);
  return idSearchRedirect(request, await readTextForm(request));
}
