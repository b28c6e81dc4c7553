import { calendarDate, type Instant, systemClock } from "@ce/contracts";
import ExcelJS from "exceljs";

export type Cell = string | number | null | undefined;

/** A download's file name: the table's name and the Beijing calendar date it was taken ("学时申报记录_2026-01-01.xlsx"). */
export function exportFileName(name: string, format: "xlsx" | "csv", at: Instant = systemClock()): string {
  return `${name}_${calendarDate(at)}.${format}`;
}

/** A table as a download: XLSX (the default) or CSV, both with the guide's Chinese headers; the sheet is named `name`. */
export async function spreadsheetResponse(format: "xlsx" | "csv", name: string, header: string[], rows: Cell[][]): Promise<Response> {
  const filename = encodeURIComponent(exportFileName(name, format));
  const disposition = `attachment; filename*=UTF-8''${filename}`;
  if (format === "csv") {
    return new Response(toCsv(header, rows), { headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": disposition } });
  }
  return new Response(await toXlsx(name, header, rows), {
    headers: { "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Content-Disposition": disposition },
  });
}

// In a CSV a leading = + - @ would make a spreadsheet run the cell as a formula (CSV injection).
const neutraliseCsv = (v: Cell): string | number => (typeof v === "number" ? v : String(v ?? "").replace(/^([=+\-@])/, "'$1"));

// An XLSX string cell is stored as text and never evaluated: it keeps exactly what was entered.
const xlsxCell = (v: Cell): string | number | null => v ?? null;

/** UTF-8 with a BOM, so Excel shows the Chinese; every cell quoted, formula-looking text neutralised. */
export function toCsv(header: string[], rows: Cell[][]): string {
  const cell = (v: Cell) => `"${String(neutraliseCsv(v)).replace(/"/g, '""')}"`;
  return `\uFEFF${[header, ...rows].map((r) => r.map(cell).join(",")).join("\r\n")}\r\n`;
}

/** One sheet: a bold header row that stays in view, text as string cells (never formulas), columns sized to their content. */
export async function toXlsx(sheetName: string, header: string[], rows: Cell[][]): Promise<ArrayBuffer> {
  const book = new ExcelJS.Workbook();
  book.created = new Date();
  const sheet = book.addWorksheet(sheetName.slice(0, 31), { views: [{ state: "frozen", ySplit: 1 }] });
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
