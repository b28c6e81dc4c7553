import { type Page, servedPage } from "@ce/contracts";

/**
 * Serves one page of a list: `count` gives the matching rows' total, `rows` fetches `limit` rows
 * from `offset`. Both run at once for the requested page; when that page lies past the end (a
 * stale link, a hand-edited `?page=`), the last page is fetched instead, so the returned `page` is
 * the one actually served (1 for an empty list) and the portal's pager figures agree with it.
 * Every list in every service goes through here.
 */
export async function paginate<T>(
  request: { page: number; pageSize: number },
  count: () => Promise<number>,
  rows: (window: { limit: number; offset: number }) => Promise<T[]>,
): Promise<Page<T>> {
  const { pageSize } = request;
  const asked = servedPage(request.page, pageSize, Number.MAX_SAFE_INTEGER);
  const [total, first] = await Promise.all([count(), rows({ limit: pageSize, offset: asked.offset })]);
  const served = servedPage(request.page, pageSize, total);
  const items = served.page === asked.page || total === 0 ? first : await rows({ limit: pageSize, offset: served.offset });
  return { items, total, page: served.page, pageSize };
}
