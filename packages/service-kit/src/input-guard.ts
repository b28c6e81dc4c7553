// PostgreSQL text cannot hold U+0000 (it answers "invalid byte sequence", which used to become a
// 500), and a lone UTF-16 surrogate is silently stored as U+FFFD: both are refused at the edge.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding U+0000 is the point of this pattern.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// Deeper than any form nests; anything deeper is refused by the schemas anyway.
const MAX_DEPTH = 32;

/**
 * Walks a raw procedure input (objects, arrays, Maps/Sets from superjson; keys too) and returns
 * the dotted path of the first string holding NUL or a lone surrogate ("" for the input itself),
 * or null when there is none. Pure; stops at depth 32; never throws.
 */
export function hostileInputField(input: unknown): string | null {
  const seen = new Set<object>();
  const walk = (value: unknown, path: string, depth: number): string | null => {
    if (typeof value === "string") return UNSTORABLE.test(value) ? path : null;
    if (value === null || typeof value !== "object" || depth > MAX_DEPTH || seen.has(value)) return null;
    seen.add(value);
    const entries: [unknown, unknown][] =
      value instanceof Map
        ? [...value.entries()]
        : value instanceof Set
          ? [...value].map((v, i) => [i, v])
          : Array.isArray(value)
            ? value.map((v, i) => [i, v])
            : Object.entries(value);
    for (const [key, child] of entries) {
      const childPath = path ? `${path}.${String(key)}` : String(key);
      if (typeof key === "string" && UNSTORABLE.test(key)) return childPath;
      const found = walk(child, childPath, depth + 1);
      if (found !== null) return found;
    }
    return null;
  };
  return walk(input, "", 0);
}
