import { z } from "zod";

export const PageRequest = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type PageRequest = z.infer<typeof PageRequest>;

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** Offset for a page request. */
export const pageOffset = (p: PageRequest) => (p.page - 1) * p.pageSize;

/** What the guide's pager prints: 第1/1页 共3条 显示第1到3条. */
export function pagerSummary(page: number, pageSize: number, total: number) {
  const pageCount = Math.ceil(total / pageSize);
  const first = (page - 1) * pageSize + 1;
  const last = Math.min(page * pageSize, total);
  return { pageCount, first, last, text: `第${page}/${pageCount}页 共${total}条 显示第${first}到${last}条` };
}
