import { type FormProps, Form as RemixForm, useLocation, useRouteLoaderData } from "@remix-run/react";
import { forwardRef, useEffect, useId } from "react";

/** The name of the hidden token input (csrf.server.ts's CSRF_FIELD; that module is server-only). */
const CSRF_FIELD = "_csrf";

/** This browser's CSRF token, handed to every page by the root loader (empty before it has loaded). */
export function useCsrfToken(): string {
  const root = useRouteLoaderData<{ csrfToken?: string }>("root");
  return root?.csrfToken ?? "";
}

/** The hidden token input server.ts checks on every POST; put it first, so it is found before any file. */
export function CsrfField() {
  return <input type="hidden" name={CSRF_FIELD} value={useCsrfToken()} />;
}

/** The name of the hidden idempotency-key input (submission.server.ts's SUBMISSION_FIELD; server-only). */
const SUBMISSION_FIELD = "_submission";

/**
 * This form render's idempotency key: the root loader's nonce (fresh on every load, so after each
 * successful action) and the form's React id (stable from the server's render to the browser's).
 * A double click or back-and-resubmit sends the same key; formAction answers it once.
 */
function SubmissionField() {
  const root = useRouteLoaderData<{ formNonce?: string }>("root");
  const id = useId();
  return root?.formNonce ? <input type="hidden" name={SUBMISSION_FIELD} value={`${root.formNonce}-${id}`} /> : null;
}

/**
 * The portal's only form component: Remix's `<Form>` that carries the CSRF token and an
 * idempotency key whenever it submits with a method other than GET (server.ts refuses such a
 * request without the token, 403; formAction answers a repeated key with the first outcome).
 * Same props and ref as Remix's; a test checks that no page imports Remix's own.
 */
export const Form = forwardRef<HTMLFormElement, FormProps>(function Form({ children, method, ...props }, ref) {
  const changes = method !== undefined && method.toLowerCase() !== "get";
  return (
    <RemixForm ref={ref} method={method} {...props}>
      {changes ? <CsrfField /> : null}
      {changes ? <SubmissionField /> : null}
      {children}
    </RemixForm>
  );
});

/**
 * The messages in conform's `allErrors` (keyed by field name, "" for the whole form) whose field
 * the page has no place for, deduplicated. A form shows them with its own errors, so a check that
 * fails on a field nobody sees (as 人员调出's did on `attachment`) is never silent.
 */
export function unshownErrors(allErrors: Readonly<Record<string, readonly string[] | undefined>> | undefined, shown: (name: string) => boolean): string[] {
  const out: string[] = [];
  for (const [name, messages] of Object.entries(allErrors ?? {})) {
    if (name === "" || shown(name)) continue;
    for (const m of messages ?? []) if (!out.includes(m)) out.push(m);
  }
  return out;
}

/**
 * Remix posts a form of an index route to `…?index`; when the action answers with the page (a
 * refusal) instead of a redirect, that marker stayed in the address bar, so a reload or a copied
 * link carried it (issue 13.12). Called once by the root, this takes it out of the address bar
 * whenever it appears; the router's own location and the next navigation are unaffected.
 */
export function useCleanIndexUrl(): void {
  const location = useLocation();
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs after every navigation, the address is read from window
  useEffect(() => {
    const url = new URL(window.location.href);
    if (!url.searchParams.has("index")) return;
    url.searchParams.delete("index");
    window.history.replaceState(window.history.state, "", `${url.pathname}${url.search}${url.hash}`);
  }, [location]);
}
