import { PassThrough } from "node:stream";
import { DomainError, fileRefusal, type ImportFile, type ImportFileInput, importColumns } from "@ce/contracts";
import ExcelJS from "exceljs";
import type { z } from "zod";
import type { IdentityDeps } from "../../deps.ts";
import { displayCell } from "../../domain/import/cells.ts";
import { cellsOf } from "../../domain/import/header.ts";
import { templateSheets } from "../../domain/import/template.ts";
import type { Caller } from "../scope.ts";
import { FILE_FIELD } from "./read-file.ts";
import { checkedRows } from "./walk.ts";

/** The failed-rows file's name, and the columns it adds after the template's. */
export const FAILED_ROWS_NAME = "批量导入失败信息.xlsx";
export const failedRowsExtra = ["错误原因", "原行号"] as const;

/**
 * 导出失败信息: the uploaded file's rows that have errors (有错误; not 重复), in the template's
 * layout — its header, required columns marked * — with 错误原因 (every error of the row, joined
 * by ；) and 原行号 after it, so the admin fixes them and uploads the file again (the template's
 * header is found, the two extra columns ignored). Cells are written as text as Excel showed them
 * (displayCell), the number-like columns formatted as text. Written with exceljs's streaming
 * WorkbookWriter as the upload is read. Raises BAD_REQUEST on `file` when no row has errors, and
 * what checkedRows raises.
 */
export async function failedRowsFile(deps: IdentityDeps, caller: Caller, input: z.output<typeof ImportFileInput>): Promise<ImportFile> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (c: Buffer) => chunks.push(c));
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = book.addWorksheet(templateSheets.data, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = [
    ...importColumns.map((c) => ({
      header: c.required ? `*${c.header}` : c.header,
      width: c.key === "idNumber" ? 24 : Math.max(12, [...c.header].length * 2 + 4),
      style: c.key === "idNumber" || c.key === "phone" || c.key === "certificateNo" ? { numFmt: "@" } : {},
    })),
    { header: failedRowsExtra[0], width: 60 },
    { header: failedRowsExtra[1], width: 8 },
  ];
  let failed = 0;
  for await (const item of checkedRows(deps, caller, input)) {
    if (item.kind !== "row" || item.ok) continue;
    failed++;
    const cells = cellsOf(item.sheetRow.cells, item.header);
    sheet.addRow([...importColumns.map((c) => displayCell(cells[c.key])), item.errors.map((e) => e.message).join("；"), item.sheetRow.number]).commit();
  }
  if (failed === 0) throw new DomainError("BAD_REQUEST", fileRefusal(input.fileName, "该文件没有有错误的行，无需导出失败信息"), FILE_FIELD);
  sheet.commit();
  await book.commit();
  return { fileName: FAILED_ROWS_NAME, base64: Buffer.concat(chunks).toString("base64") };
}
