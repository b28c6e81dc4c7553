import { type FormProps, Form as RemixForm, useRouteLoaderData } from "@remix-run/react";
import { forwardRef } from "react";

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

/**
 * The portal's only form component: Remix's `<Form>` that carries the CSRF token whenever it
 * submits with a method other than GET (server.ts refuses such a request without it, 403).
 * Same props and ref as Remix's; a test checks that no page imports Remix's own.
 */
export const Form = forwardRef<HTMLFormElement, FormProps>(function Form({ children, method, ...props }, ref) {
  const changes = method !== undefined && method.toLowerCase() !== "get";
  return (
    <RemixForm ref={ref} method={method} {...props}>
      {changes ? <CsrfField /> : null}
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
