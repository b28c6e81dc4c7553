import { once } from "node:events";
import { PassThrough, Readable } from "node:stream";
import { calendarDate, type Instant, MAX_PAGE_SIZE, systemClock } from "@ce/contracts";
import { data } from "@remix-run/node";
import ExcelJS from "exceljs";
import { env } from "./env.server.ts";
import { logError } from "./log.server.ts";

export type Cell = string | number | null | undefined;

/** A download's file name: the table's name and the Beijing calendar date it was taken ("学时申报记录_2026-01-01.xlsx"). */
export function exportFileName(name: string, format: "xlsx" | "csv", at: Instant = systemClock()): string {
  return `${name}_${calendarDate(at)}.${format}`;
}

export type ExportFormat = "xlsx" | "csv";

const CONTENT_TYPE: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/** The format a download link asks for: `format=csv` → CSV, anything else (or nothing) → XLSX. */
export const exportFormat = (search: URLSearchParams): ExportFormat => (search.get("format") === "csv" ? "csv" : "xlsx");

function downloadHeaders(format: ExportFormat, name: string): HeadersInit {
  const filename = encodeURIComponent(exportFileName(name, format));
  // A download is the caller's scope at one moment: never cached, by the browser or a proxy.
  return { "Content-Type": CONTENT_TYPE[format], "Content-Disposition": `attachment; filename*=UTF-8''${filename}`, "Cache-Control": "no-store" };
}

/** A table as a download: XLSX (the default) or CSV, both with the guide's Chinese headers; the sheet is named `name`. */
export async function spreadsheetResponse(format: ExportFormat, name: string, header: string[], rows: Cell[][]): Promise<Response> {
  const body = format === "csv" ? toCsv(header, rows) : await toXlsx(name, header, rows);
  return new Response(body, { headers: downloadHeaders(format, name) });
}

// In a CSV a leading = + - @ would make a spreadsheet run the cell as a formula (CSV injection);
// so may a leading TAB or CR before one (OWASP's list): each gets an apostrophe in front.
const neutraliseCsv = (v: Cell): string | number => (typeof v === "number" ? v : String(v ?? "").replace(/^([=+\-@\t\r])/, "'$1"));

/**
 * A sheet's name as Excel accepts it: at most 31 characters, none of \ / ? * [ ] : (a unit's name
 * may hold them; each becomes _), never empty.
 */
export const sheetTitle = (name: string): string => [...name.replace(/[\\/?*[\]:]/g, "_")].slice(0, 31).join("") || "Sheet1";

// An XLSX string cell is stored as text and never evaluated: it keeps exactly what was entered.
const xlsxCell = (v: Cell): string | number | null => v ?? null;

/** UTF-8 with a BOM, so Excel shows the Chinese; every cell quoted, formula-looking text neutralised. */
export function toCsv(header: readonly string[], rows: readonly Cell[][]): string {
  return `\uFEFF${[header, ...rows].map(csvLine).join("")}`;
}

/** One CSV line: every cell quoted (quotes doubled), formula-looking text neutralised, CRLF. */
const csvLine = (r: readonly Cell[]) => `${r.map((v) => `"${String(neutraliseCsv(v)).replace(/"/g, '""')}"`).join(",")}\r\n`;

/** One sheet: a bold header row that stays in view, text as string cells (never formulas), columns sized to their content. */
export async function toXlsx(sheetName: string, header: string[], rows: Cell[][]): Promise<ArrayBuffer> {
  const book = new ExcelJS.Workbook();
  book.created = new Date();
  const sheet = book.addWorksheet(sheetTitle(sheetName), { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.addRow(header).font = { bold: true };
  for (const r of rows) sheet.addRow(r.map(xlsxCell));
  sheet.columns.forEach((column, i) => {
    const widest = Math.max(
      ...[header[i] ?? "", ...rows.map((r) => String(r[i] ?? ""))].map((s) => [...s].reduce((n, c) => n + (c.charCodeAt(0) > 0x2e80 ? 2 : 1), 0)),
    );
    column.width = Math.min(40, Math.max(6, widest + 2));
  });
  // A copy into a plain ArrayBuffer: what Response and ExcelJS's own reader both take.
  return Uint8Array.from(new Uint8Array(await book.xlsx.writeBuffer())).buffer;
}

/** One page of a list as a service answers it (the requested page is clamped: past the end it serves the last one). */
export interface RowPage<Row> {
  items: readonly Row[];
  total: number;
  page: number;
}

/**
 * A list exported as it pages on screen: the same procedure, filters and scope, `pageSize` rows at
 * a time (at most MAX_PAGE_SIZE, default MAX_PAGE_SIZE), so what is exported is what the caller
 * may see, masked as the page shows it.
 */
export interface TableExport<Row, P extends RowPage<Row> = RowPage<Row>> {
  /** The table's name: the sheet's and, with the date, the file's; or made from the first page's answer (its 统计时间). */
  name: string | ((first: P) => string);
  header: readonly string[];
  /** One row's cells; `index` counts rows from 0 across all pages (for 序号). */
  cells: (row: Row, index: number) => Cell[];
  /** Fetches page `page` (1-based) of `pageSize` rows; a service refusal propagates. */
  fetchPage: (page: number, pageSize: number) => Promise<P>;
  /** Rows after the data (a 合计 row), built from the first page's answer. */
  footer?: (first: P) => Cell[][];
  pageSize?: number;
  /** The most rows this export may hold (default EXPORT_MAX_ROWS). */
  maxRows?: number;
}

/** The refusal of an export larger than `maxRows`, before any byte is sent. */
export const tooManyRowsMessage = (total: number, maxRows: number): string =>
  `导出的数据共${total}条，超过单次导出上限${maxRows}条，请增加筛选条件缩小范围后再导出`;

/**
 * Streams a list as a download (XLSX by default, CSV for `format=csv`) page by page: the first
 * page is fetched before answering, so a refusal (a bad filter, a unit outside scope) is thrown
 * here and answered as an error page with its status; later pages are fetched only as the browser
 * reads (CSV: pulled; XLSX: exceljs's streaming WorkbookWriter, inline strings, waiting for the
 * output to drain), so memory stays constant however many rows there are. Cells are as
 * spreadsheetResponse writes them (XLSX text never a formula, CSV formula-looking text
 * neutralised). A failure after the first page aborts the download (the browser reports it
 * failed) and is logged — never a file silently cut short.
 *
 * Limits and progress: the first page's `total` is the export's size, known before answering; a
 * total over `maxRows` (EXPORT_MAX_ROWS, 200,000 by default) is refused then, with the count and
 * the limit in Chinese. Progress is the browser's own download indicator: bytes arrive page by
 * page as they are written (no Content-Length, so it counts up rather than showing a percentage),
 * and `X-Export-Rows` names the rows to come for a client that wants to show a fraction.
 *
 * @throws data({ message }, 400) when the list is larger than `maxRows`; a service refusal of page 1 as is.
 */
export async function exportTable<Row, P extends RowPage<Row>>(format: ExportFormat, table: TableExport<Row, P>): Promise<Response> {
  const pageSize = Math.min(table.pageSize ?? MAX_PAGE_SIZE, MAX_PAGE_SIZE);
  const maxRows = table.maxRows ?? env.EXPORT_MAX_ROWS;
  const first = await table.fetchPage(1, pageSize);
  if (first.total > maxRows) throw data({ message: tooManyRowsMessage(first.total, maxRows) }, { status: 400 });
  const rows = pagedRows(table, first, pageSize);
  const footer = table.footer?.(first) ?? [];
  const name = typeof table.name === "function" ? table.name(first) : table.name;
  // Column widths from the first rows (a stream cannot look at rows it has not read yet).
  const sample = first.items.slice(0, 50).map((row, i) => table.cells(row, i));
  const body = format === "csv" ? csvStream(table.header, rows, footer) : xlsxStream(name, table.header, rows, footer, sample);
  const headers = new Headers(downloadHeaders(format, name));
  headers.set("X-Export-Rows", String(first.total));
  return new Response(body, { headers });
}

/** Every row of the list as cells, page after page, starting from the page already fetched. */
async function* pagedRows<Row, P extends RowPage<Row>>(table: TableExport<Row, P>, first: P, pageSize: number): AsyncGenerator<Cell[][]> {
  let index = 0;
  let current: RowPage<Row> = first;
  for (let page = 1; ; page++) {
    if (page > 1) {
      current = await table.fetchPage(page, pageSize);
      // Past the end (rows removed meanwhile) the service serves its last page again: nothing new.
      if (current.page !== page) return;
    }
    yield current.items.map((row) => table.cells(row, index++));
    if (page * pageSize >= current.total || current.items.length === 0) return;
  }
}

const utf8 = new TextEncoder();

/** CSV (BOM, quoted cells, as toCsv) pulled one page at a time by the reader. */
function csvStream(header: readonly string[], rows: AsyncGenerator<Cell[][]>, footer: Cell[][]): ReadableStream<Uint8Array> {
  let done = false;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(utf8.encode(`\uFEFF${csvLine(header)}`));
    },
    async pull(controller) {
      if (done) return;
      try {
        const next = await rows.next();
        if (next.done) {
          done = true;
          if (footer.length > 0) controller.enqueue(utf8.encode(footer.map(csvLine).join("")));
          controller.close();
        } else if (next.value.length > 0) controller.enqueue(utf8.encode(next.value.map(csvLine).join("")));
      } catch (error) {
        done = true;
        logError("export failed part-way", error);
        controller.error(error);
      }
    },
    async cancel() {
      done = true;
      await rows.return(undefined);
    },
  });
}

/** Column widths from the header and a sample of rows (a stream cannot look at rows it has not read yet). */
function columnWidths(header: readonly string[], sample: readonly Cell[][]): number[] {
  const width = (s: string) => [...s].reduce((n, c) => n + (c.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
  return header.map((h, i) => Math.min(40, Math.max(6, ...[h, ...sample.map((r) => String(r[i] ?? ""))].map(width)) + 2));
}

/** One sheet (bold frozen header, text as strings) written by exceljs's streaming writer as rows come. */
function xlsxStream(
  sheetName: string,
  header: readonly string[],
  rows: AsyncGenerator<Cell[][]>,
  footer: Cell[][],
  sample: Cell[][],
): ReadableStream<Uint8Array> {
  const out = new PassThrough();
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = book.addWorksheet(sheetTitle(sheetName), { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = columnWidths(header, sample).map((width) => ({ width }));
  const head = sheet.addRow([...header]);
  head.font = { bold: true };
  head.commit();
  const write = async () => {
    for await (const page of rows) {
      // The reader went away (download cancelled): stop fetching.
      if (out.destroyed) return;
      for (const r of page) sheet.addRow(r.map(xlsxCell)).commit();
      // exceljs hands rows on to the zip without back-pressure: let them reach `out` (zlib works
      // off the main thread), then, when the reader is slower than the service, wait for it
      // before fetching the next page.
      await new Promise((resolve) => setImmediate(resolve));
      while (out.writableNeedDrain && !out.destroyed) await drainedOrClosed(out);
    }
    for (const r of footer) sheet.addRow(r.map(xlsxCell)).commit();
    sheet.commit();
    await book.commit();
  };
  write().catch((error) => {
    if (out.destroyed) return;
    logError("export failed part-way", error);
    out.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  return Readable.toWeb(out) as ReadableStream<Uint8Array>;
}

/** Resolves when `out` drains or closes, whichever comes first (no listener left behind). */
async function drainedOrClosed(out: PassThrough): Promise<void> {
  const stop = new AbortController();
  try {
    await Promise.race([once(out, "drain", { signal: stop.signal }), once(out, "close", { signal: stop.signal })]);
  } finally {
    stop.abort();
  }
}
