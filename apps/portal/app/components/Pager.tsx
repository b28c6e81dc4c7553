import { pagerSummary } from "@ce/contracts";
import { Fragment } from "react";

const WINDOW = 10;

/** The page numbers to print: at most ten, the current one roughly in the middle. */
export function pageWindow(page: number, pageCount: number): number[] {
  if (pageCount <= 0) return [];
  const start = Math.max(1, Math.min(page - Math.floor(WINDOW / 2) + 1, pageCount - WINDOW + 1));
  const end = Math.min(pageCount, start + WINDOW - 1);
  return Array.from({ length: end - start + 1 }, (_, i) => start + i);
}

function hrefFor(query: URLSearchParams, param: string, page: number): string {
  const next = new URLSearchParams(query);
  next.set(param, String(page));
  return `?${next.toString()}`;
}

/**
 * The guide's pager: `第1/1页 共3条 显示第1到3条 首页 1 尾页`. Links keep the current filters
 * (`query`, the page's search string) and change only `param` (`page`; another name where one page
 * holds two paged tables, as 调转记录's 人员转入记录 and 人员转出记录); the current page is plain text.
 * `label` names the pager for screen readers (分页, or the table's 分页 when there are several).
 */
export function Pager({
  page,
  pageSize,
  total,
  query = "",
  param = "page",
  label = "分页",
}: {
  page: number;
  pageSize: number;
  total: number;
  query?: string | URLSearchParams;
  param?: string;
  label?: string;
}) {
  // The summary clamps `page`, so a stale link past the end still prints figures that agree.
  const { page: current, pageCount, text } = pagerSummary(page, pageSize, total);
  const params = new URLSearchParams(query);
  const link = "px-1.5 text-blue-700 hover:underline";
  return (
    <nav aria-label={label} className="mt-3 flex flex-wrap items-center justify-end gap-x-1 text-sm text-gray-700">
      <span className="mr-2">{text}</span>
      {total > 0 ? (
        <>
          {" "}
          <a className={link} href={hrefFor(params, param, 1)}>
            首页
          </a>{" "}
          {pageWindow(current, pageCount).map((n) => (
            <Fragment key={n}>
              {n === current ? (
                <span aria-current="page" className="rounded bg-blue-700 px-1.5 text-white">
                  {n}
                </span>
              ) : (
                <a className={link} href={hrefFor(params, param, n)}>
                  {n}
                </a>
              )}{" "}
            </Fragment>
          ))}
          <a className={link} href={hrefFor(params, param, pageCount)}>
            尾页
          </a>
        </>
      ) : null}
    </nav>
  );
}
