import { useLocation } from "@remix-run/react";
import type { ReactNode } from "react";
import { Form } from "./Form.tsx";

/** routes/id-search.ts: where a search that may carry a 证件号 posts (utils/id-search.server.ts). */
export const ID_SEARCH_ACTION = "/id-search";

/**
 * A filter form whose values may hold a 证件号: it posts (the number in the body, never in a URL)
 * to /id-search with `to` = this page, which answers with a redirect back here, the number sealed
 * behind an `idq` token. A full page load (reloadDocument): the answer is a plain 303.
 */
export function IdSearchForm({ className, children }: { className: string; children: ReactNode }) {
  const { pathname, search } = useLocation();
  return (
    <Form method="post" action={ID_SEARCH_ACTION} reloadDocument key={search} className={className} role="search">
      <input type="hidden" name="to" value={pathname} />
      {children}
    </Form>
  );
}
