import { describe, expect, it } from "vitest";
import { displayCell, isEmptyRow, readCell, type SheetCell } from "./cells.ts";

const idColumn = { key: "idNumber", header: "证件号" } as const;
const nameColumn = { key: "name", header: "姓名" } as const;
const phoneColumn = { key: "phone", header: "手机号" } as const;
const majorColumn = { key: "major", header: "从事专业" } as const;
const certColumn = { key: "certificateNo", header: "证书管理号" } as const;

type Column = typeof idColumn | typeof nameColumn | typeof phoneColumn | typeof majorColumn | typeof certColumn;

describe("readCell: what people really send, read as the text they meant", () => {
  const accepted: [string, SheetCell, Column, string][] = [
    ["plain text", "张三", nameColumn, "张三"],
    ["leading and trailing spaces", "  张三 ", nameColumn, "张三"],
    ["ideographic space and NBSP at the ends", "\u3000张三\u00A0", nameColumn, "张三"],
    ["zero-width space and BOM at the ends", "\u200B\uFEFF张三\u200B", nameColumn, "张三"],
    ["a tab and a line break at the ends", "\t张三\r\n", nameColumn, "张三"],
    ["inner spaces kept (a foreign name)", "Anna  Maria", nameColumn, "Anna  Maria"],
    ["an ID number typed as text", "370102198801020019", idColumn, "370102198801020019"],
    ["an ID number with a lower-case x as text", "11010519491231002x", idColumn, "11010519491231002x"],
    ["a phone number stored as a number (11 digits, exact)", 13812345678, phoneColumn, "13812345678"],
    ["a 14-digit number is still exact", 12345678901234, certColumn, "12345678901234"],
    ["a passport number stored as a number (9 digits)", 123456789, idColumn, "123456789"],
    ["a decimal in a free-text column", 3.5, majorColumn, "3.5"],
    ["a negative integer", -12, majorColumn, "-12"],
    ["an empty cell (null)", null, nameColumn, ""],
    ["an empty cell (undefined)", undefined, nameColumn, ""],
    ["only invisible characters", "\u200B\u3000", nameColumn, ""],
    ["a boolean", true, majorColumn, "TRUE"],
    ["rich text in runs", { richText: [{ text: "张" }, { text: "三 " }] }, nameColumn, "张三"],
    ["a mailto hyperlink keeps its text", { text: "a@b.cn", hyperlink: "mailto:a@b.cn" }, nameColumn, "a@b.cn"],
    ["a hyperlink whose text is rich text", { text: { richText: [{ text: "李四" }] }, hyperlink: "http://x" }, nameColumn, "李四"],
    ["a formula with its cached text result", { formula: 'CONCAT("张","三")', result: "张三" }, nameColumn, "张三"],
    ["a shared formula with a cached number result", { sharedFormula: "A2", result: 13812345678 }, phoneColumn, "13812345678"],
    ["a formula whose result is an 18-character ID as text", { formula: 'TEXT(A1,"0")&"9"', result: "370102198801020019" }, idColumn, "370102198801020019"],
    ["the text 1E5 in a free-text column is text", "1E5", majorColumn, "1E5"],
  ];
  it.each(accepted)("accepts %s", (_what, value, column, text) => {
    expect(readCell(value, column)).toEqual({ ok: true, text });
  });

  const refused: [string, SheetCell, Column, RegExp][] = [
    [
      "an 18-digit ID stored as a number (last digits lost)",
      370102198801020000,
      idColumn,
      /证件号被 Excel 存成了数字（370102198801020000），超过15位的部分已丢失/,
    ],
    ["a 16-digit number", 1234567890123456, idColumn, /超过15位的部分已丢失/],
    ["a long certificate number stored as a number", 2019370100000001300, certColumn, /证书管理号被 Excel 存成了数字/],
    ["an ID shown in scientific notation, as text", "3.70102E+17", idColumn, /证件号显示为科学计数法（3\.70102E\+17）/],
    ["scientific notation with lower-case e", "1.23e+17", idColumn, /科学计数法/],
    ["scientific notation without +", "1.23E17", idColumn, /科学计数法/],
    ["scientific notation with spaces around", " 3.70102E+17 ", idColumn, /科学计数法/],
    ["a phone number in scientific notation", "1.38123E+10", phoneColumn, /手机号显示为科学计数法/],
    ["a certificate number in scientific notation", "2.01937E+18", certColumn, /证书管理号显示为科学计数法/],
    ["a decimal ID number", 12345.5, idColumn, /证件号不能是小数/],
    ["a date (Excel turned 2019-6 into one)", new Date(Date.UTC(2019, 5, 1)), certColumn, /被 Excel 识别成了日期（2019-06-01）/],
    ["a date in a name column", new Date(Date.UTC(2021, 2, 5)), nameColumn, /姓名被 Excel 识别成了日期（2021-03-05）/],
    ["a formula without a cached result", { formula: "A1&B1" }, nameColumn, /姓名是公式，文件中没有保存它的计算结果/],
    ["a shared formula without a result", { sharedFormula: "B2" }, idColumn, /证件号是公式/],
    ["a formula whose result is #N/A", { formula: "VLOOKUP(A1,B:C,2,0)", result: { error: "#N/A" } }, nameColumn, /姓名是错误值 #N\/A/],
    ["a formula whose result is a date", { formula: "TODAY()", result: new Date(Date.UTC(2026, 0, 1)) }, majorColumn, /日期（2026-01-01）/],
    ["a formula whose result lost digits", { formula: "A1*1", result: 370102198801020000 }, idColumn, /超过15位/],
    ["an error value #REF!", { error: "#REF!" }, nameColumn, /错误值 #REF!/],
    ["an error value #VALUE!", { error: "#VALUE!" }, idColumn, /错误值 #VALUE!/],
    ["infinity", Number.POSITIVE_INFINITY, majorColumn, /无法识别/],
  ];
  it.each(refused)("refuses %s, saying why", (_what, value, column, message) => {
    const read = readCell(value, column);
    expect(read.ok).toBe(false);
    expect(read.ok ? "" : read.message).toMatch(message);
  });
});

describe("isEmptyRow", () => {
  it.each([
    [[], true],
    [[null, undefined, ""], true],
    [[" ", "\u3000", "\u200B"], true],
    [[null, "张三"], false],
    [[0], false],
  ] as [SheetCell[], boolean][])("%j → %s", (row, empty) => {
    expect(isEmptyRow(row)).toBe(empty);
  });
});

describe("displayCell: a refused cell written back as the person saw it", () => {
  it.each([
    ["text", " 张三 ", "张三"],
    ["a long number as Excel shows it", Number("370102198801020019"), "370102198801020000"],
    ["a small number", 13812345678, "13812345678"],
    ["a date", new Date(Date.UTC(2019, 5, 1)), "2019-06-01"],
    ["a formula without a result", { formula: "A1&B1" }, "=A1&B1"],
    ["a formula with a result", { formula: "A1", result: "x" }, "x"],
    ["an error value", { error: "#N/A" }, "#N/A"],
    ["rich text", { richText: [{ text: "李" }, { text: "四" }] }, "李四"],
    ["nothing", null, ""],
  ] as [string, SheetCell, string][])("%s", (_what, value, shown) => {
    expect(displayCell(value)).toBe(shown);
  });
});
