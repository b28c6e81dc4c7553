import { DomainError, IMPORT_EMPTY_ROWS_STOP, type ImportFileInput, MAX_IMPORT_ROWS } from "@ce/contracts";
import type { z } from "zod";
import { listDepartments } from "../../db/departments.ts";
import type { IdentityDeps } from "../../deps.ts";
import { isEmptyRow } from "../../domain/import/cells.ts";
import { departmentIndex } from "../../domain/import/choices.ts";
import { cellsOf, HEADER_SEARCH_ROWS, type HeaderMap, locateHeader } from "../../domain/import/header.ts";
import { type CellError, type ImportedPerson, validateRow } from "../../domain/import/row.ts";
import { type Caller, ownUnit } from "../scope.ts";
import { FILE_FIELD, importFormat, namingFile, type SheetRow, sheetRows } from "./read-file.ts";

/** One data row read and checked: the sheet's row, its cells by column, and the person or the row's errors. */
export type CheckedRow = { kind: "row"; sheetRow: SheetRow; header: HeaderMap } & ({ ok: true; person: ImportedPerson } | { ok: false; errors: CellError[] });
/** A remark about the file as a whole. */
export type FileNote = { kind: "note"; message: string };

/**
 * Walks an uploaded import file for the caller's unit, row by row as it is read (read-file.ts:
 * format by content, size and bomb refusals; exceljs streaming for XLSX): finds the header among
 * the first rows (locateHeader), then yields every non-empty data row checked (validateRow against
 * the unit's active departments), and a note where it stops after IMPORT_EMPTY_ROWS_STOP empty
 * rows or when there are no data rows. Raises DomainError BAD_REQUEST on `file` for an unreadable
 * file, a missing header or required column, or more than MAX_IMPORT_ROWS data rows; FORBIDDEN for a
 * caller without a unit.
 */
export function checkedRows(deps: IdentityDeps, caller: Caller, input: z.output<typeof ImportFileInput>): AsyncGenerator<CheckedRow | FileNote> {
  const unitId = ownUnit(caller.principal);
  return checkedRowsOf(deps, unitId, input.fileName, Buffer.from(input.base64, "base64"));
}

/**
 * checkedRows for a unit and the file's bytes (the import job reads its kept upload this way,
 * with no signed-in caller). Raises what checkedRows raises, FORBIDDEN aside; a refusal of the
 * file names it (namingFile).
 */
export async function* checkedRowsOf(deps: IdentityDeps, unitId: string, fileName: string, bytes: Buffer): AsyncGenerator<CheckedRow | FileNote> {
  try {
    yield* walkRows(deps, unitId, fileName, bytes);
  } catch (e) {
    throw namingFile(e, fileName);
  }
}

async function* walkRows(deps: IdentityDeps, unitId: string, fileName: string, bytes: Buffer): AsyncGenerator<CheckedRow | FileNote> {
  const format = importFormat(fileName, bytes);
  const departments = departmentIndex((await listDepartments(deps.db, unitId)).filter((d) => d.status === "ACTIVE"));
  const now = new Date();
  const rows = sheetRows(format, bytes);
  const header = await readHeader(rows);
  let lastDataRow = header.rowNumber;
  let dataRows = 0;
  for await (const row of concat(header.rest, rows)) {
    if (isEmptyRow(row.cells)) {
      if (row.number - lastDataRow >= IMPORT_EMPTY_ROWS_STOP) {
        yield { kind: "note", message: `第${lastDataRow + 1}行起连续${IMPORT_EMPTY_ROWS_STOP}行为空，之后的内容没有读取` };
        break;
      }
      continue;
    }
    lastDataRow = row.number;
    if (++dataRows > MAX_IMPORT_ROWS) throw new DomainError("BAD_REQUEST", `文件超过${MAX_IMPORT_ROWS}行，请分成几个文件导入`, FILE_FIELD);
    yield { kind: "row", sheetRow: row, header: header.map, ...validateRow(cellsOf(row.cells, header.map), { departments, now }) };
  }
  if (dataRows === 0) yield { kind: "note", message: "文件中只有表头，没有要导入的数据行" };
}

/**
 * Reads the first HEADER_SEARCH_ROWS rows and finds the header among them; the rows read below the
 * header are data and come back in `rest`. Raises DomainError BAD_REQUEST on `file` (locateHeader's reason).
 */
async function readHeader(rows: AsyncGenerator<SheetRow>): Promise<{ map: HeaderMap; rowNumber: number; rest: SheetRow[] }> {
  const top: SheetRow[] = [];
  while (top.length < HEADER_SEARCH_ROWS) {
    const next = await rows.next();
    if (next.done) break;
    top.push(next.value);
  }
  if (top.length === 0) throw new DomainError("BAD_REQUEST", "文件中没有任何内容，请使用下载的模板", FILE_FIELD);
  const found = locateHeader(top.map((r) => r.cells));
  if (!found.ok) throw new DomainError("BAD_REQUEST", found.message, FILE_FIELD);
  const at = found.header.headerRow;
  return { map: found.header, rowNumber: (top[at] as SheetRow).number, rest: top.slice(at + 1) };
}

async function* concat<T>(first: readonly T[], then: AsyncIterable<T>): AsyncGenerator<T> {
  yield* first;
  yield* then;
}
