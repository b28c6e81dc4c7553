import type { z } from "zod";

/**
 * Reads a list page's filters from its query string: empty fields count as absent, and a value
 * that does not parse (a hand-edited `page=abc`) is dropped rather than failing the page.
 */
export function parseListQuery<S extends z.ZodType<object>>(schema: S, search: URLSearchParams): z.output<S> {
  const raw: Record<string, string> = {};
  for (const [key, value] of search) if (value.trim() !== "") raw[key] = value;
  for (let attempt = 0; attempt < 5; attempt++) {
    const parsed = schema.safeParse(raw);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) delete raw[String(issue.path[0])];
  }
  return schema.parse({});
}
