import { z } from "zod";

/** The most rows one list page may hold. */
export const MAX_PAGE_SIZE = 200;

/**
 * A page number or page size as it comes from a URL or a client: a number, or a plain positive
 * decimal integer string ("2", never "1e3", "0x10", "+2", "2.0" or " 2"). The one parser for both
 * fields of every list; `z.coerce` would read "1e3" as 1000.
 */
export const PositiveIntParam = z.union([
  z.number().int().min(1).max(999_999_999),
  z
    .string()
    .regex(/^[1-9][0-9]{0,8}$/)
    .transform(Number),
]);

/**
 * A page field (页码, 每页条数) as PositiveIntParam reads it, at most `max`, with one message that
 * names the field and its range for every wrong value ("每页条数须为1至200的整数": 0, 2.5, "1e3",
 * 1e9, null, text alike).
 */
export function pageParam(label: string, max: number) {
  const message = `${label}须为1至${max}的整数`;
  return z.union(
    [
      z.number().int(message).min(1, message).max(max, message),
      z
        .string()
        .regex(/^[1-9][0-9]{0,8}$/, message)
        .transform(Number)
        .pipe(z.number().max(max, message)),
    ],
    { error: message },
  );
}

export const PageRequest = z.object({
  page: pageParam("页码", 999_999_999).default(1),
  pageSize: pageParam("每页条数", MAX_PAGE_SIZE).default(20),
});
export type PageRequest = z.infer<typeof PageRequest>;

export interface Page<T> {
  items: T[];
  total: number;
  /** The page actually served: the requested one clamped to 1…pageCount. */
  page: number;
  pageSize: number;
}

/** The output schema of one page of `item`s (the zod twin of Page<T>, for a procedure's `.output()`). */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

/** Offset for a page request. */
export const pageOffset = (p: PageRequest) => (p.page - 1) * p.pageSize;

/**
 * The page a list serves for a request once its row count is known: `page` clamped to
 * 1…pageCount, where an empty list still has one (empty) page. Returns the served page, its
 * SQL offset, the page count and the 1-based numbers of its first and last row (0 and 0 when
 * there are no rows), so the pager's figures always agree with each other.
 */
export function servedPage(page: number, pageSize: number, total: number) {
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const served = Math.min(Math.max(1, Math.trunc(page) || 1), pageCount);
  const offset = (served - 1) * pageSize;
  return { page: served, pageCount, offset, first: total === 0 ? 0 : offset + 1, last: Math.min(offset + pageSize, total) };
}

/**
 * What the guide's pager prints: 第1/1页 共3条 显示第1到3条. A page past the end reads as the
 * last page, and no rows read 第1/1页 共0条 显示第0到0条 (the guide's 第1/0页 … 显示第1到0条
 * contradicted itself).
 */
export function pagerSummary(page: number, pageSize: number, total: number) {
  const s = servedPage(page, pageSize, total);
  return { ...s, text: `第${s.page}/${s.pageCount}页 共${total}条 显示第${s.first}到${s.last}条` };
}
