import { type ImportFile, importColumns, MAX_IMPORT_ROWS } from "@ce/contracts";
import ExcelJS from "exceljs";
import { listDepartments } from "../../db/departments.ts";
import type { IdentityDeps } from "../../deps.ts";
import { departmentIndex } from "../../domain/import/choices.ts";
import { TEMPLATE_NAME, templateLists, templateNote, templateSheets } from "../../domain/import/template.ts";
import { type Caller, ownUnit } from "../scope.ts";

// The template's rows: the note, the header, then data from row 3 down to the most a file may hold.
const NOTE_ROW = 1;
const HEADER_ROW = 2;
const LAST_ROW = HEADER_ROW + MAX_IMPORT_ROWS;

/** exceljs 4.4 writes worksheet.dataValidations (range addresses included) but its typings omit it. */
interface WithDataValidations {
  dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void };
}

const columnLetter = (index: number): string => {
  let n = index + 1;
  let letters = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    letters = String.fromCharCode(65 + r) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
};

/**
 * 下载模板: the 批量导入 template for the caller's unit as XLSX (exceljs): sheet 专业技术人员 with the
 * note (templateNote) merged across row 1, the header in row 2 (required columns marked *, bold,
 * frozen), 证件号 and the other number-like columns formatted as text ('@') so Excel keeps every
 * digit, and a drop-down (data validation, list) on every coded column down to row LAST_ROW, fed
 * from the hidden sheet 代码表 (code lists' names and the unit's active departments, see
 * templateLists) — a range reference, which has no 255-character limit as an inline list does.
 * Raises FORBIDDEN for a caller without a unit.
 */
export async function importTemplate(deps: IdentityDeps, caller: Caller): Promise<ImportFile> {
  const unitId = ownUnit(caller.principal);
  const departments = departmentIndex((await listDepartments(deps.db, unitId)).filter((d) => d.status === "ACTIVE"));
  const book = new ExcelJS.Workbook();
  book.created = new Date();
  const sheet = book.addWorksheet(templateSheets.data, { views: [{ state: "frozen", ySplit: HEADER_ROW }] });
  const lists = book.addWorksheet(templateSheets.lists, { state: "hidden" });

  const last = columnLetter(importColumns.length - 1);
  sheet.mergeCells(`A${NOTE_ROW}:${last}${NOTE_ROW}`);
  const note = sheet.getCell(`A${NOTE_ROW}`);
  note.value = templateNote();
  note.alignment = { wrapText: true, vertical: "top" };
  note.font = { color: { argb: "FFC00000" } };
  sheet.getRow(NOTE_ROW).height = 110;

  const header = sheet.getRow(HEADER_ROW);
  importColumns.forEach((column, i) => {
    const cell = header.getCell(i + 1);
    cell.value = column.required ? `*${column.header}` : column.header;
    cell.font = { bold: true, color: column.required ? { argb: "FFC00000" } : undefined };
    cell.alignment = { horizontal: "center" };
    const width = [...column.header].length * 2 + 4;
    const sheetColumn = sheet.getColumn(i + 1);
    sheetColumn.width = column.key === "idNumber" ? 24 : Math.max(12, width);
    // Text format for the whole column: Excel then stores what is typed or pasted as text, digits intact.
    if (column.key === "idNumber" || column.key === "phone" || column.key === "certificateNo") sheetColumn.numFmt = "@";
  });

  templateLists(departments).forEach((list, i) => {
    const letter = columnLetter(i);
    lists.getCell(`${letter}1`).value = list.header;
    list.values.forEach((value, row) => {
      lists.getCell(`${letter}${row + 2}`).value = value;
    });
    const at = importColumns.findIndex((c) => c.key === list.key);
    const target = columnLetter(at);
    (sheet as unknown as WithDataValidations).dataValidations.add(`${target}${HEADER_ROW + 1}:${target}${LAST_ROW}`, {
      type: "list",
      allowBlank: true,
      formulae: [`'${templateSheets.lists}'!$${letter}$2:$${letter}$${list.values.length + 1}`],
      showErrorMessage: true,
      errorStyle: "stop",
      errorTitle: list.header,
      error: `请从下拉列表中选择${list.header}`,
    });
  });

  const bytes = await book.xlsx.writeBuffer();
  return { fileName: `${TEMPLATE_NAME}.xlsx`, base64: Buffer.from(bytes as ArrayBuffer).toString("base64") };
}
