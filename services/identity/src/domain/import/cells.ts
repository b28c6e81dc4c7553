// What a spreadsheet cell holds, read as the text a person meant — or why it cannot be trusted.
import { fromDateColumn, type ImportColumn, trimInvisible } from "@ce/contracts";

/** A cell value as exceljs (streaming reader) or the CSV reader gives it; structural, so the domain imports no reader. */
export type SheetCell =
  | null
  | undefined
  | string
  | number
  | boolean
  | Date
  | { error: string }
  | { richText: readonly { text: string }[] }
  | { text: unknown; hyperlink: string }
  | { formula?: string; sharedFormula?: string; result?: unknown };

/** A cell read: its text (trimmed of spaces and invisible characters at both ends; "" when empty), or why it is refused. */
export type CellRead = { ok: true; text: string } | { ok: false; message: string };

// Excel keeps 15 significant digits of a number; anything from 10^15 up has lost its last digits.
const EXACT_DIGITS_LIMIT = 1e15;
// What Excel shows for a long number in a General cell, and what a CSV saved from it holds: 3.70102E+17.
const SCIENTIFIC = /^[+-]?\d+(?:\.\d+)?E\+?\d+$/i;
// Columns holding numbers as text, where a number or its scientific spelling means digits were lost.
const NUMBER_LIKE: ReadonlySet<string> = new Set(["idNumber", "phone", "certificateNo"]);

const ok = (text: string): CellRead => ({ ok: true, text: trimInvisible(text) });

/** A date as yyyy-mm-dd; exceljs gives a cell's date as that calendar day at 00:00 UTC, as a date column is read. */
const isoDay = (d: Date): string => (Number.isNaN(d.getTime()) ? "无效日期" : fromDateColumn(d));

/**
 * Reads one cell for `column`. Text: trimmed of whitespace and invisible characters at both ends
 * (contracts trimInvisible). Rich text and hyperlinks: their text. A formula: its cached result, or
 * refused when the file has none (a file written by a program that never calculated it). A number:
 * its digits without exponent — refused from 10^15 up (Excel keeps 15 significant digits, so an
 * 18-digit 证件号 typed into a General cell has lost its last three) and, in 证件号, when it has a
 * fraction. Text like 3.70102E+17 in 证件号, 手机号 or 证书管理号 is refused (what is left of a long
 * number after Excel or a CSV export). A date (Excel turned "2019-6" or "3-5" into one) is refused
 * with the day it became. An error value (#N/A, #REF!) is refused. Pure; never throws.
 */
export function readCell(value: SheetCell, column: Pick<ImportColumn, "key" | "header">): CellRead {
  if (value === null || value === undefined) return ok("");
  if (typeof value === "string") {
    const text = trimInvisible(value);
    if (NUMBER_LIKE.has(column.key) && SCIENTIFIC.test(text)) {
      return { ok: false, message: `${column.header}显示为科学计数法（${text}），原号码的后几位已丢失；请把该列设为“文本”格式后重新填写完整号码` };
    }
    return ok(text);
  }
  if (typeof value === "number") return readNumber(value, column);
  if (typeof value === "boolean") return ok(value ? "TRUE" : "FALSE");
  if (value instanceof Date) {
    return { ok: false, message: `${column.header}被 Excel 识别成了日期（${isoDay(value)}）；请把该列设为“文本”格式后重新填写` };
  }
  if ("error" in value) return { ok: false, message: `${column.header}是错误值 ${value.error}，请改为正确内容` };
  if ("richText" in value) return ok(value.richText.map((r) => r.text).join(""));
  if ("hyperlink" in value) return readCell(typeof value.text === "object" || typeof value.text === "string" ? (value.text as SheetCell) : "", column);
  if ("formula" in value || "sharedFormula" in value || "result" in value) {
    if (value.result === undefined || value.result === null) {
      return { ok: false, message: `${column.header}是公式，文件中没有保存它的计算结果；请复制该列后“选择性粘贴 → 数值”再上传` };
    }
    return readCell(value.result as SheetCell, column);
  }
  return { ok: false, message: `${column.header}的内容无法识别` };
}

/** A number of 10^15 or more as Excel shows it: its first 15 significant digits, then zeros. */
function excelDigits(n: number): string {
  const [mantissa = "", exponent = "0"] = Math.abs(n).toExponential(14).split("e");
  const digits = mantissa.replace(".", "");
  return (n < 0 ? "-" : "") + digits.padEnd(Number(exponent) + 1, "0");
}

function readNumber(n: number, column: Pick<ImportColumn, "key" | "header">): CellRead {
  if (!Number.isFinite(n)) return { ok: false, message: `${column.header}的内容无法识别` };
  if (Math.abs(n) >= EXACT_DIGITS_LIMIT) {
    return {
      ok: false,
      message: `${column.header}被 Excel 存成了数字（${excelDigits(n)}），超过15位的部分已丢失；请把该列设为“文本”格式后重新填写完整号码`,
    };
  }
  if (Number.isInteger(n)) return ok(n.toFixed(0));
  if (column.key === "idNumber") return { ok: false, message: `${column.header}不能是小数（${n}）` };
  return ok(String(n));
}

/** Whether a row holds nothing but empty cells (blank text, nothing at all). */
export function isEmptyRow(cells: readonly SheetCell[]): boolean {
  return cells.every((c) => c === null || c === undefined || (typeof c === "string" && trimInvisible(c) === ""));
}

/**
 * A cell as the person saw it in Excel, for the failed-rows file they fix and upload again: text
 * trimmed; a number's digits (15 significant, as Excel shows a long one); a date as yyyy-mm-dd; a
 * formula's cached result, or the formula as =…; an error value as itself. Pure.
 */
export function displayCell(value: SheetCell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return trimInvisible(value);
  if (typeof value === "number") return Math.abs(value) >= EXACT_DIGITS_LIMIT ? excelDigits(value) : String(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return isoDay(value);
  if ("error" in value) return value.error;
  if ("richText" in value) return trimInvisible(value.richText.map((r) => r.text).join(""));
  if ("hyperlink" in value) return typeof value.text === "string" || typeof value.text === "object" ? displayCell(value.text as SheetCell) : "";
  if (value.result !== undefined && value.result !== null) return displayCell(value.result as SheetCell);
  return `=${value.formula ?? value.sharedFormula ?? ""}`;
}
