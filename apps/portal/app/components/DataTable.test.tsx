import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { type Column, DataTable, linkColumn } from "./DataTable.tsx";
import { TextLink } from "./TextLink.tsx";

// A table with a 合计 row draws each column's own `total` there and leaves the others blank: the
// 单位类型 of a 合计 row once read 主管部门 because the row was a made-up unit of that kind.
interface Unit {
  id: string;
  name: string;
  kind: string;
  people: number;
}
const columns: Column<Unit, { people: number }>[] = [
  { header: "单位名称", cell: (u) => u.name, total: () => "合计" },
  { header: "单位类型", cell: (u) => u.kind },
  { header: "人数", cell: (u) => u.people, total: (t) => t.people },
  { header: "操作", cell: () => "查看" },
];
const units: Unit[] = [
  { id: "a", name: "济南公交", kind: "用人单位", people: 3 },
  { id: "b", name: "济南市交通运输局", kind: "主管部门", people: 2 },
];

/** The cells of each body row as text. */
function bodyRows(html: string): string[][] {
  const body = html.slice(html.indexOf("<tbody>"), html.indexOf("</tbody>"));
  return [...body.matchAll(/<tr[^>]*>(.*?)<\/tr>/g)].map((m) => [...(m[1] ?? "").matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((c) => c[1] ?? ""));
}

describe("DataTable's 合计 row", () => {
  it.each([
    [
      "rows and totals: the rows, then 合计 with blank 单位类型 and 操作",
      units,
      { people: 5 },
      [
        ["济南公交", "用人单位", "3", "查看"],
        ["济南市交通运输局", "主管部门", "2", "查看"],
        ["合计", "", "5", ""],
      ],
    ],
    [
      "rows without totals: no 合计 row",
      units,
      undefined,
      [
        ["济南公交", "用人单位", "3", "查看"],
        ["济南市交通运输局", "主管部门", "2", "查看"],
      ],
    ],
    ["no rows, totals: the 合计 row alone", [], { people: 0 }, [["合计", "", "0", ""]]],
    ["no rows, no totals: 没有数据", [], undefined, [["没有数据"]]],
  ] as const)("%s", (_, rows, totals, expected) => {
    const html = renderToStaticMarkup(<DataTable columns={columns} rows={rows} rowKey={(u) => u.id} totals={totals} />);
    expect(bodyRows(html)).toEqual(expected);
  });
});

// 操作 columns of one link per row (详细, 审核, 学习记录 …) are built by linkColumn, one way for every list.
describe("linkColumn", () => {
  const unit = units[0]!;
  it.each([
    [
      "centred, no aria-label unless told",
      linkColumn<Unit>("详细", (u) => `/units/${u.id}`),
      "text-center",
      { to: "/units/a", "aria-label": undefined, children: "详细" },
    ],
    [
      "the column's class and a row-naming aria-label when told",
      linkColumn<Unit>("编辑", (u) => `/units/${u.id}/edit`, { className: "whitespace-nowrap text-center", ariaLabel: (u) => `编辑${u.name}` }),
      "whitespace-nowrap text-center",
      { to: "/units/a/edit", "aria-label": "编辑济南公交", children: "编辑" },
    ],
  ] as const)("%s", (_, column, className, props) => {
    expect(column).toMatchObject({ header: "操作", className });
    const link = column.cell(unit, 0) as ReactElement<Record<string, unknown>>;
    expect(link.type).toBe(TextLink);
    expect(link.props).toEqual(props);
  });
});
