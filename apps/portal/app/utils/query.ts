import { PageRequest } from "@ce/contracts";
import { json } from "@remix-run/node";
import type { z } from "zod";

/** Keys a hand-edited URL may get wrong without harm: the pager falls back to its defaults. */
const PAGING_KEYS = new Set(["page", "pageSize"]);

/**
 * Reads a list page's filters from its query string: empty fields count as absent; a `page` or
 * `pageSize` that does not parse (a hand-edited `page=abc`) falls back to the default. A filter
 * that does not parse (a name with a control character, an impossible date) is refused: the page
 * answers 400 with the schema's Chinese message, naming the field — never a list (or an export)
 * silently widened to everything in scope because its filter was dropped.
 *
 * @throws Response 400 `{ message }` for an invalid filter field.
 */
export function parseListQuery<S extends z.ZodType<object>>(schema: S, search: URLSearchParams): z.output<S> {
  const raw: Record<string, string> = {};
  for (const [key, value] of search) if (value.trim() !== "") raw[key] = value;
  for (let attempt = 0; attempt < 5; attempt++) {
    const parsed = schema.safeParse(raw);
    if (parsed.success) return parsed.data;
    const bad = parsed.error.issues.find((issue) => !PAGING_KEYS.has(String(issue.path[0])));
    if (bad) throw json({ message: `筛选条件有误：${bad.message}` }, { status: 400 });
    for (const issue of parsed.error.issues) delete raw[String(issue.path[0])];
  }
  return schema.parse({});
}

/**
 * A list page's filters as its filter bar shows them again: each of `names` from the parsed query
 * `input` (parseListQuery's answer), "" for one not given.
 */
export function filterValues<K extends string>(input: Partial<Record<K, string | undefined>>, names: readonly K[]): Record<K, string> {
  return Object.fromEntries(names.map((name) => [name, input[name] ?? ""])) as Record<K, string>;
}

/**
 * A page number the query keeps under another name than `page` (`inPage`, `outPage`: a page with
 * two paged tables), read by PageRequest's one parser; 1 when absent or not a page number, as a
 * hand-edited `page` falls back.
 */
export function pageNumberOf(search: URLSearchParams, name: string): number {
  return parseListQuery(PageRequest, new URLSearchParams({ page: search.get(name) ?? "" })).page;
}
