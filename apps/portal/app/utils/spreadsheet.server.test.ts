import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { exportFileName, spreadsheetResponse, toCsv, toXlsx } from "./spreadsheet.server.ts";

const header = ["序号", "姓名", "申报学时"];
const rows = [
  [1, "张三", 40],
  [2, "=HYPERLINK(\"x\")", 12],
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

  it("never lets a cell run as a formula, in XLSX or CSV", async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await toXlsx("记录", header, rows));
    expect(book.worksheets[0]?.getCell("B3").value).toBe("'=HYPERLINK(\"x\")");
    expect(toCsv(header, rows)).toContain('"\'=HYPERLINK(""x"")"');
  });

  it("starts a CSV with a BOM so Excel reads it as UTF-8", () => {
    expect(toCsv(header, rows).startsWith("\uFEFF\"序号\",\"姓名\",\"申报学时\"\r\n")).toBe(true);
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
