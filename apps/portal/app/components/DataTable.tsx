import type { ReactNode } from "react";

export interface Column<Row> {
  header: string;
  cell: (row: Row, index: number) => ReactNode;
  className?: string;
}

/** A bordered, zebra-striped table; an empty one says 没有数据 like the guide. */
export function DataTable<Row>({
  columns,
  rows,
  rowKey,
  caption,
}: {
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  caption?: string;
}) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse border border-gray-300 text-sm">
        {caption ? <caption className="sr-only">{caption}</caption> : null}
        <thead className="bg-blue-50 text-gray-800">
          <tr>
            {columns.map((c) => (
              <th key={c.header} scope="col" className="border border-gray-300 px-3 py-2 text-center font-semibold">
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={columns.length} className="border border-gray-300 px-3 py-6 text-center text-gray-500">
                没有数据
              </td>
            </tr>
          ) : (
            rows.map((row, i) => (
              <tr key={rowKey(row)} className="odd:bg-white even:bg-gray-50 hover:bg-blue-50/60">
                {columns.map((c) => (
                  <td key={c.header} className={`border border-gray-300 px-3 py-2 ${c.className ?? ""}`}>
                    {c.cell(row, i)}
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
