import { describe, expect, it } from "vitest";
import { paginate } from "../src/paginate.ts";

/** A list of `total` numbered rows, recording which windows were fetched. */
function list(total: number) {
  const rows = Array.from({ length: total }, (_, i) => i + 1);
  const windows: Array<{ limit: number; offset: number }> = [];
  return {
    windows,
    count: async () => total,
    rows: async (w: { limit: number; offset: number }) => {
      windows.push(w);
      return rows.slice(w.offset, w.offset + w.limit);
    },
  };
}

describe("paginate serves the requested page, or the last one when asked past the end", () => {
  it.each([
    // [page, pageSize, total, served page, first row, last row, fetches]
    [1, 20, 18, 1, 1, 18, 1],
    [2, 20, 18, 1, 1, 18, 2],
    [1000, 20, 18, 1, 1, 18, 2],
    [2, 20, 45, 2, 21, 40, 1],
    [3, 20, 45, 3, 41, 45, 1],
    [4, 20, 45, 3, 41, 45, 2],
    [3, 10, 30, 3, 21, 30, 1],
    [4, 10, 30, 3, 21, 30, 2],
    [1, 20, 0, 1, null, null, 1],
    [7, 20, 0, 1, null, null, 1],
  ])("page %i of %i over %i rows → page %i, rows %s to %s", async (page, pageSize, total, served, first, last, fetches) => {
    const l = list(total);
    const result = await paginate({ page, pageSize }, l.count, l.rows);
    expect(result.page).toBe(served);
    expect(result.total).toBe(total);
    expect(result.pageSize).toBe(pageSize);
    expect(result.items[0] ?? null).toBe(first);
    expect(result.items.at(-1) ?? null).toBe(last);
    expect(l.windows).toHaveLength(fetches);
  });
});
