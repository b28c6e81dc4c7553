import { useLocation } from "@remix-run/react";
import { type Column, DataTable, numberColumn } from "./DataTable.tsx";
import { Pager } from "./Pager.tsx";

/** One page of a list as the services answer it. */
export interface PageOf<Row> {
  items: readonly Row[];
  page: number;
  pageSize: number;
  total: number;
}

/**
 * A list page's table and the pager under it. With `numbered`, a 序号 column first counts on from
 * the rows of the pages before (page 2 of 20 starts at 21). With `totals`, DataTable's 合计 row
 * closes every page. The pager's links keep the page's filters (its query string).
 */
export function PagedTable<Row, Totals = unknown>({
  caption,
  columns,
  result,
  rowKey,
  numbered = false,
  totals,
}: {
  caption: string;
  columns: readonly Column<Row, Totals>[];
  result: PageOf<Row>;
  rowKey: (row: Row) => string;
  numbered?: boolean;
  totals?: Totals | undefined;
}) {
  const { search } = useLocation();
  const all: readonly Column<Row, Totals>[] = numbered ? [numberColumn(result), ...columns] : columns;
  return (
    <>
      <DataTable caption={caption} columns={all} rows={result.items} rowKey={rowKey} totals={totals} />
      <Pager page={result.page} pageSize={result.pageSize} total={result.total} query={search} />
    </>
  );
}
