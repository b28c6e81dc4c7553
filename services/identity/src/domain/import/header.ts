// Finding the template's header row in what people send: note rows above it, headers marked
// required (*姓名, 姓名（必填）), headers merged down from the row above, extra columns.
import { type ImportColumnKey, importColumns } from "@ce/contracts";
import { readCell, type SheetCell } from "./cells.ts";
import { choiceKey } from "./choices.ts";

/** How many rows from the top are searched for the header row. */
export const HEADER_SEARCH_ROWS = 10;

/** Where each column of the template sits in the sheet (0-based cell index), and the header row's index in the rows given. */
export interface HeaderMap {
  headerRow: number;
  columns: Partial<Record<ImportColumnKey, number>>;
}

/** A header as compared: no '*' or '＊' marks, nothing in brackets (（必填）, (选填)), no spaces; NFKC, upper case. */
export function headerKey(cell: SheetCell): string {
  const read = readCell(cell, { key: "name", header: "表头" });
  const text = read.ok ? read.text : "";
  return choiceKey(text.replace(/[（(【[][^）)】\]]*[）)】\]]/g, "").replace(/[*＊]/g, ""));
}

const byHeader = new Map<string, ImportColumnKey>(importColumns.map((c) => [choiceKey(c.header), c.key]));
// Headers people write for the same column (an older template, another system's export).
const aliases = new Map<string, ImportColumnKey>(
  (
    [
      ["身份证号", "idNumber"],
      ["身份证号码", "idNumber"],
      ["证件号码", "idNumber"],
      ["手机", "phone"],
      ["手机号码", "phone"],
      ["联系电话", "phone"],
      ["邮箱", "email"],
      ["电子邮件", "email"],
      ["部门", "department"],
      ["职务系列", "titleSeries"],
      ["专业技术职务", "titleSeries"],
      ["职称等级", "titleLevel"],
      ["专业技术职称资格", "qualification"],
      ["职称资格", "qualification"],
    ] as const
  ).map(([h, k]) => [choiceKey(h), k]),
);

/**
 * Finds the header row among the first HEADER_SEARCH_ROWS rows (the first one naming 证件号 and
 * 姓名) and maps each template column to its cell index; when the next row names columns this one
 * does not (a group cell such as 联系方式 over 手机号 and 电子邮箱), the header is both rows, the
 * lower one's names first (the other cells are merged down, so empty below). `headerRow` is the
 * header's last row. Columns the template does not know are ignored. Returns
 * the map, or the Chinese reason: no header row, a header twice, a required column missing (all
 * missing ones named). Pure.
 */
export function locateHeader(rows: readonly (readonly SheetCell[])[]): { ok: true; header: HeaderMap } | { ok: false; message: string } {
  const top = rows.slice(0, HEADER_SEARCH_ROWS);
  const keyOf = (cell: SheetCell): ImportColumnKey | undefined => {
    const k = headerKey(cell);
    return byHeader.get(k) ?? aliases.get(k);
  };
  const first = top.findIndex((r) => r.some((c) => keyOf(c) === "idNumber") && r.some((c) => keyOf(c) === "name"));
  if (first < 0) return { ok: false, message: `没有找到表头行：前${HEADER_SEARCH_ROWS}行中没有同时含“姓名”和“证件号”的一行，请使用下载的模板` };
  const upper = top[first] ?? [];
  // A two-row header: a group cell (联系方式) over the row naming its columns, the others merged down.
  const lower = top[first + 1] ?? [];
  const twoRows = lower.some((c, i) => keyOf(c) !== undefined && keyOf(upper[i]) === undefined);
  const columns: Partial<Record<ImportColumnKey, number>> = {};
  const width = Math.max(upper.length, twoRows ? lower.length : 0);
  for (let i = 0; i < width; i++) {
    const key = (twoRows ? keyOf(lower[i]) : undefined) ?? keyOf(upper[i]);
    if (!key) continue;
    if (columns[key] !== undefined) {
      const header = importColumns.find((c) => c.key === key)?.header;
      return { ok: false, message: `表头“${header}”出现了两次（第${columns[key] + 1}列和第${i + 1}列），请只保留一列` };
    }
    columns[key] = i;
  }
  const headerRow = twoRows ? first + 1 : first;
  const missing = importColumns.filter((c) => c.required && columns[c.key] === undefined).map((c) => c.header);
  if (missing.length > 0) return { ok: false, message: `缺少必填列：${missing.join("、")}，请使用下载的模板` };
  return { ok: true, header: { headerRow, columns } };
}

/** A data row's cells by column key, through the header map. */
export function cellsOf(row: readonly SheetCell[], header: HeaderMap): Partial<Record<ImportColumnKey, SheetCell>> {
  const cells: Partial<Record<ImportColumnKey, SheetCell>> = {};
  for (const [key, index] of Object.entries(header.columns) as [ImportColumnKey, number][]) cells[key] = row[index];
  return cells;
}
