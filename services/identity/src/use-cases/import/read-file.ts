// An uploaded import file as rows, read as a stream: exceljs's streaming WorkbookReader for XLSX
// (sheet XML parsed as it is unzipped, rows handed on one at a time), the CSV reader for CSV.
import { Readable } from "node:stream";
import { DomainError, fileRefusal, IMPORT_SIZE_MESSAGE, MAX_IMPORT_BYTES } from "@ce/contracts";
import ExcelJS from "exceljs";
import type { SheetCell } from "../../domain/import/cells.ts";
import { csvRecords, decodeCsv } from "../../domain/import/csv.ts";
import { plausibleSpreadsheet, zipSummary } from "../../domain/import/zip.ts";

/** One row as the sheet numbers it (Excel's row number, 1-based) and its cells (0-based: column A is 0). */
export interface SheetRow {
  number: number;
  cells: SheetCell[];
}

/** The field every file refusal is reported on (the upload form's file input). */
export const FILE_FIELD = "file";

export const fileMessages = {
  empty: "导入文件不能为空文件",
  tooLarge: IMPORT_SIZE_MESSAGE,
  xls: "不支持 Excel 97-2003（.xls）文件，请在 Excel 中“另存为” .xlsx 后上传",
  notXlsx: "文件不是有效的 XLSX 文件（可能是改了扩展名的其他文件），请用 Excel 另存为 .xlsx 后上传",
  bomb: "文件解压后过大，不像是正常的表格文件，请检查后重新上传",
  unreadable: "文件已损坏或无法读取，请用 Excel 打开后重新保存再上传",
  kind: "仅支持 .xlsx 或 .csv 文件，请使用下载的模板",
} as const;

const refuse = (message: string): DomainError => new DomainError("BAD_REQUEST", message, FILE_FIELD);

/**
 * A refusal of the whole file as the person reads it: which file and why (contracts fileRefusal,
 * the one message of every upload form); any other error is returned unchanged.
 */
export function namingFile(error: unknown, fileName: string): unknown {
  if (error instanceof DomainError && error.field === FILE_FIELD) return new DomainError(error.kind, fileRefusal(fileName, error.message), FILE_FIELD);
  return error;
}

/** The formats an import file may have, decided by its bytes (a ZIP is XLSX whatever its name) and, for text, its name. */
export type ImportFormat = "xlsx" | "csv";

/**
 * Decides the file's format from its first bytes and name: PK\x03\x04 → XLSX (its central
 * directory must declare a plausible spreadsheet: zip.ts); an OLE2 header → refused as .xls; a file
 * named .xlsx that is not a ZIP → refused as not XLSX; .csv or .txt → CSV; anything else refused.
 * Raises DomainError BAD_REQUEST on `file`. Also refuses an empty file or one over MAX_IMPORT_BYTES.
 */
export function importFormat(fileName: string, bytes: Uint8Array): ImportFormat {
  if (bytes.length === 0) throw refuse(fileMessages.empty);
  if (bytes.length > MAX_IMPORT_BYTES) throw refuse(fileMessages.tooLarge);
  const ext = fileName.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1] ?? "";
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    const summary = zipSummary(bytes);
    if (!summary) throw refuse(fileMessages.notXlsx);
    if (!plausibleSpreadsheet(summary)) throw refuse(fileMessages.bomb);
    return "xlsx";
  }
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) throw refuse(fileMessages.xls);
  if (ext === "xlsx" || ext === "xlsm" || ext === "xls") throw refuse(fileMessages.notXlsx);
  if (ext === "csv" || ext === "txt") return "csv";
  throw refuse(fileMessages.kind);
}

/**
 * The rows of the file's first worksheet (XLSX) or of the CSV, in order, lazily: the caller may
 * stop at any row and nothing more is parsed. XLSX rows that hold nothing are not stored in the
 * file and so not yielded (row numbers jump); cells come as exceljs gives them (dates as Date,
 * formulas as { formula, result }). Raises DomainError BAD_REQUEST on `file` for a file exceljs
 * cannot read.
 */
export async function* sheetRows(format: ImportFormat, bytes: Uint8Array): AsyncGenerator<SheetRow> {
  if (format === "csv") {
    let number = 0;
    for (const record of csvRecords(decodeCsv(bytes).text)) yield { number: ++number, cells: record };
    return;
  }
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]), {
    sharedStrings: "cache",
    hyperlinks: "cache",
    styles: "cache",
    worksheets: "emit",
    entries: "emit",
  });
  try {
    for await (const worksheet of reader) {
      for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
        const values = row.values;
        // exceljs's row.values is 1-based (index 0 empty): column A is values[1].
        const cells = Array.isArray(values) ? (values.slice(1) as SheetCell[]) : [];
        yield { number: row.number, cells };
      }
      return; // the first worksheet only: the template's hidden 代码表 comes after it
    }
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw refuse(fileMessages.unreadable);
  }
}
