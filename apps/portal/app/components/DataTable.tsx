import type { ReactNode } from "react";
import { TextLink } from "./TextLink.tsx";

/**
 * One column of a DataTable: its header, a row's cell and, for a table with a 合计 row, this
 * column's cell there (`total`). A column without `total` is blank in the 合计 row — its kind
 * (单位类型, 操作, 序号) says nothing about a sum, so it is never drawn from a made-up row.
 */
export interface Column<Row, Totals = unknown> {
  header: string;
  cell: (row: Row, index: number) => ReactNode;
  total?: (totals: Totals) => ReactNode;
  className?: string;
}

/**
 * An 操作 column of one link per row (详细, 详情, 审核, 编辑, 学习记录, 查看变更明细): `text`, to
 * `href(row)`. `className` is the column's (centred unless told); `ariaLabel` names the row where
 * the same word stands down the column and a screen reader must tell the links apart.
 */
export function linkColumn<Row>(text: string, href: (row: Row) => string, opts: { className?: string; ariaLabel?: (row: Row) => string } = {}): Column<Row> {
  const { className = "text-center", ariaLabel } = opts;
  return {
    header: "操作",
    className,
    cell: (row) => (
      <TextLink to={href(row)} aria-label={ariaLabel?.(row)}>
        {text}
      </TextLink>
    ),
  };
}

/**
 * 序号: the row's number in the whole list — on `page`, counting on from the rows of the pages
 * before it (page 2 of 20 starts at 21); from 1 for a table that is not paged. The one 序号 of
 * every table (PagedTable's and BatchReview's `numbered` draw it); blank in a 合计 row.
 */
export function numberColumn<Row, Totals = unknown>(page?: { page: number; pageSize: number }): Column<Row, Totals> {
  const before = page ? (page.page - 1) * page.pageSize : 0;
  return { header: "序号", cell: (_, i) => before + i + 1, className: "w-16 text-center" };
}

/**
 * A list table's frame, the one look of every list table (DataTable, TitleSeriesTable): bordered, in
 * a horizontal scroller that is focusable (tab stop, visible focus ring) so a table wider than its
 * box can be scrolled by keyboard — axe's scrollable-region-focusable, WCAG 2.1.1 — and a named
 * region (the caption, else 表格) so a screen reader says what it holds. The head (on blue) is a row
 * of column `headers`, under `groupRow` when headers are grouped; `children` are the body rows.
 */
export function ListTable({
  caption,
  headers,
  groupRow,
  children,
}: {
  caption?: string | undefined;
  headers: readonly string[];
  groupRow?: ReactNode;
  children: ReactNode;
}) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus to be scrolled by keyboard (WCAG 2.1.1).
    <section aria-label={caption ?? "表格"} tabIndex={0} className="overflow-x-auto focus-visible:outline-2 focus-visible:outline-blue-600">
      <table className="w-full border-collapse border border-gray-300 text-sm">
        {caption ? <caption className="sr-only">{caption}</caption> : null}
        <thead className="bg-blue-50 text-gray-800">
          {groupRow}
          <tr>
            {headers.map((h) => (
              <th key={h} scope="col" className={headerCell}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </section>
  );
}

/**
 * The classes of a list table's header cells, and those every body cell starts with. Headers are
 * centred, bold and never wrap; a body cell breaks only between words (`break-keep`: a Chinese
 * name, unit, date or status stays whole instead of one character per line on a narrow screen), so
 * a table wider than the screen scrolls sideways in its scroller; long text (reasons,
 * 变更前/变更后) still wraps at its spaces and punctuation.
 */
export const headerCell = "border border-gray-300 px-3 py-2 whitespace-nowrap text-center font-semibold";
export const bodyCell = "border border-gray-300 px-3 py-2 break-keep";

/**
 * A zebra-striped ListTable of `columns` (cells as headerCell and bodyCell say);
 * an empty one says 没有数据 like the guide. With `totals`, a 合计 row closes it: each column's
 * `total` cell, blank where a column has none.
 */
export function DataTable<Row, Totals = unknown>({
  columns,
  rows,
  rowKey,
  caption,
  totals,
}: {
  columns: readonly Column<Row, Totals>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  caption?: string;
  totals?: Totals | undefined;
}) {
  return (
    <ListTable caption={caption} headers={columns.map((c) => c.header)}>
      {rows.length === 0 && totals === undefined ? (
        <tr>
          <td colSpan={columns.length} className="border border-gray-300 px-3 py-6 text-center text-gray-500">
            没有数据
          </td>
        </tr>
      ) : (
        rows.map((row, i) => (
          <tr key={rowKey(row)} className="odd:bg-white even:bg-gray-50 hover:bg-blue-50/60">
            {columns.map((c) => (
              <td key={c.header} className={`${bodyCell} ${c.className ?? ""}`}>
                {c.cell(row, i)}
              </td>
            ))}
          </tr>
        ))
      )}
      {totals === undefined ? null : (
        <tr className="bg-blue-50/60 font-semibold">
          {columns.map((c) => (
            <td key={c.header} className={`${bodyCell} ${c.className ?? ""}`}>
              {c.total ? c.total(totals) : null}
            </td>
          ))}
        </tr>
      )}
    </ListTable>
  );
}
