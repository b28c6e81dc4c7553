// SQL LIKE (and Prisma's contains/startsWith, which compile to LIKE without escaping — checked
// against Prisma 7.10 on PostgreSQL 15) treat % and _ as wildcards: a filter typed by a person, or
// a stored path, must match them literally. Every text filter in every service goes through here.

/**
 * Escapes a literal for a PostgreSQL `LIKE`/`ILIKE` pattern: `\`, `%` and `_` get a backslash
 * (PostgreSQL's default LIKE escape character). Input and output are plain strings; never throws.
 */
export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, "\\$&");
}

/**
 * The `ILIKE` pattern for "contains `s`" in raw SQL: `%s%` with `s` escaped. Use it with `ILIKE`
 * so every list's name filter is a case-insensitive contains, like the Prisma filter below.
 */
export function likeContains(s: string): string {
  return `%${escapeLike(s)}%`;
}

/**
 * The `LIKE` pattern for "starts with `s`" in raw SQL (materialised unit paths, scope subtrees):
 * `s%` with `s` escaped, so a path holding `_` or `%` selects only its own subtree.
 */
export function likePrefix(s: string): string {
  return `${escapeLike(s)}%`;
}

/**
 * A Prisma string filter for a person's text filter: case-insensitive contains of `s`, escaped.
 * Returns `undefined` for an absent or empty filter so it can be spread into a `where` as is.
 */
export function containsFilter(s: string | undefined | null): { contains: string; mode: "insensitive" } | undefined {
  return s ? { contains: escapeLike(s), mode: "insensitive" } : undefined;
}

/** A Prisma string filter for a path prefix (case-sensitive, like the raw `likePrefix`), escaped. */
export function prefixFilter(s: string): { startsWith: string } {
  return { startsWith: escapeLike(s) };
}
