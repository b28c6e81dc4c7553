import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { exportFileName, spreadsheetResponse, toCsv, toXlsx } from "./spreadsheet.server.ts";

const header = ["序号", "姓名", "申报学时"];
const rows = [
  [1, "张三", 40],
  [2, '=HYPERLINK("x")', 12],
];

describe("spreadsheet downloads", () => {
  it("writes an XLSX whose first sheet holds the Chinese header and the rows", async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await toXlsx("学时申报记录", header, rows));
    const sheet = book.worksheets[0];
    expect(sheet?.name).toBe("学时申报记录");
    expect(sheet?.getRow(1).values).toEqual([undefined, "序号", "姓名", "申报学时"]);
    expect(sheet?.getRow(2).values).toEqual([undefined, 1, "张三", 40]);
  });

  // Text a person entered → the XLSX cell (a plain string, exactly as entered) and the CSV cell (neutralised).
  it.each([
    ["=2+5测试", '"\'=2+5测试"'],
    ['=HYPERLINK("x")', '"\'=HYPERLINK(""x"")"'],
    ["+8613800000000", '"\'+8613800000000"'],
    ["-1", '"\'-1"'],
    ["@SUM(A1)", '"\'@SUM(A1)"'],
    ["'=已有引号", '"\'=已有引号"'],
    ["张三", '"张三"'],
    ["2+5=7", '"2+5=7"'],
    ["", '""'],
  ])("writes %j to XLSX as that very string, never a formula, and to CSV as %s", async (text, csvCell) => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await toXlsx("记录", header, [[1, text, 4]]));
    const cell = book.worksheets[0]?.getCell("B2");
    expect(cell?.formula).toBeUndefined();
    expect(cell?.type).toBe(ExcelJS.ValueType.String);
    expect(cell?.value).toBe(text);
    expect(toCsv(header, [[1, text, 4]]).split("\r\n")[1]).toBe(`"1",${csvCell},"4"`);
  });

  it("starts a CSV with a BOM so Excel reads it as UTF-8", () => {
    expect(toCsv(header, rows).startsWith('\uFEFF"序号","姓名","申报学时"\r\n')).toBe(true);
  });
});

describe("download file names carry the Beijing calendar date", () => {
  it.each([
    ["2025-12-31T15:59:59.999Z", "xlsx", "学时申报记录_2025-12-31.xlsx"],
    ["2025-12-31T16:00:00.000Z", "xlsx", "学时申报记录_2026-01-01.xlsx"],
    ["2026-06-30T15:59:59.999Z", "csv", "学时申报记录_2026-06-30.csv"],
    ["2026-06-30T16:00:00.000Z", "csv", "学时申报记录_2026-07-01.csv"],
  ] as const)("at %s the %s download is %s", (at, format, name) => {
    expect(exportFileName("学时申报记录", format, at)).toBe(name);
  });

  it("sends the dated name in Content-Disposition", async () => {
    const res = await spreadsheetResponse("csv", "学时申报记录", header, rows);
    const sent = decodeURIComponent(res.headers.get("Content-Disposition")?.split("''")[1] ?? "");
    expect(sent).toMatch(/^学时申报记录_\d{4}-\d{2}-\d{2}\.csv$/);
    expect(sent).toBe(exportFileName("学时申报记录", "csv"));
  });
});
