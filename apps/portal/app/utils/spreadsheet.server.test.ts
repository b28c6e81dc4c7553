import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import {
  type Cell,
  exportFileName,
  exportFormat,
  exportTable,
  type RowPage,
  sheetTitle,
  spreadsheetResponse,
  toCsv,
  tooManyRowsMessage,
  toXlsx,
} from "./spreadsheet.server.ts";

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
    // Beyond the example: a TAB before a formula, look-alikes that are no formula, and
    // text Excel would otherwise turn into a number, a boolean or a date.
    ["\t=1+1", '"\'\t=1+1"'],
    ["＝1+1", '"＝1+1"'],
    [" =1+1", '" =1+1"'],
    ["0012", '"0012"'],
    ["1e5", '"1e5"'],
    ["TRUE", '"TRUE"'],
    ["2026-01-01", '"2026-01-01"'],
    ["3701021990****7738", '"3701021990****7738"'],
  ])("writes %j to XLSX as that very string, never a formula, and to CSV as %s", async (text, csvCell) => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await toXlsx("记录", header, [[1, text, 4]]));
    const cell = book.worksheets[0]?.getCell("B2");
    expect(cell?.formula).toBeUndefined();
    expect(cell?.type).toBe(ExcelJS.ValueType.String);
    expect(cell?.value).toBe(text);
    expect(toCsv(header, [[1, text, 4]]).split("\r\n")[1]).toBe(`"1",${csvCell},"4"`);
    // The same through exportTable, what every download of the portal is written by (streamed).
    const onePage = (format: "xlsx" | "csv") =>
      exportTable(format, {
        name: "记录",
        header,
        cells: (r: Cell[]) => r,
        fetchPage: async () => ({ items: [[1, text, 4]], total: 1, page: 1 }),
      });
    const streamed = new ExcelJS.Workbook();
    await streamed.xlsx.load(await (await onePage("xlsx")).arrayBuffer());
    const streamedCell = streamed.worksheets[0]?.getCell("B2");
    expect(streamedCell?.formula).toBeUndefined();
    // The streaming writer leaves an empty string out: the cell reads back empty.
    expect(streamedCell?.type).toBe(text === "" ? ExcelJS.ValueType.Null : ExcelJS.ValueType.String);
    expect(streamedCell?.value ?? "").toBe(text);
    expect((await (await onePage("csv")).text()).split("\r\n")[1]).toBe(`"1",${csvCell},"4"`);
  });

  it("neutralises a CSV cell that starts with CR (a spreadsheet may run what follows)", () => {
    expect(toCsv(header, [[1, "\r=1+1", 4]]).split("\r\n")[1]).toBe(`"1","'\r=1+1","4"`);
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

interface Person {
  name: string;
  hours: number;
}

/** A list of `total` people served `pageSize` at a time like a service does (page clamped), counting the pages asked for. */
function servedList(total: number, opts: { failOnPage?: number; shrinkTo?: number } = {}) {
  const asked: number[] = [];
  const fetchPage = async (page: number, pageSize: number): Promise<RowPage<Person> & { sum: number }> => {
    asked.push(page);
    if (page === opts.failOnPage) throw new Error(`page ${page} failed`);
    // `shrinkTo`: rows removed after the first page was served.
    const now = page > 1 && opts.shrinkTo !== undefined ? opts.shrinkTo : total;
    const last = Math.max(1, Math.ceil(now / pageSize));
    const served = Math.min(page, last);
    const items = Array.from({ length: Math.max(0, Math.min(pageSize, now - (served - 1) * pageSize)) }, (_, i) => {
      const n = (served - 1) * pageSize + i + 1;
      return { name: n === 2 ? "=2+5测试" : `人员${n}`, hours: n % 7 };
    });
    return { items, total: now, page: served, sum: 4200 };
  };
  return { asked, fetchPage };
}

const personExport = (list: ReturnType<typeof servedList>, pageSize = 200) => ({
  name: "专业技术人员信息",
  header: ["序号", "姓名", "学时"],
  cells: (p: Person, i: number): Cell[] => [i + 1, p.name, p.hours],
  fetchPage: list.fetchPage,
  footer: (first: { sum: number }): Cell[][] => [["合计", null, first.sum]],
  pageSize,
});

const expectedRows = (total: number): Cell[][] => [
  ...Array.from({ length: total }, (_, i): Cell[] => [i + 1, i === 1 ? "=2+5测试" : `人员${i + 1}`, (i + 1) % 7]),
  ["合计", null, 4200],
];

async function readXlsx(res: Response) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(await res.arrayBuffer());
  const sheet = book.worksheets[0];
  if (!sheet) throw new Error("no sheet");
  const rows: Cell[][] = [];
  // An empty cell reads back as a hole in `values`: null, as it was written.
  sheet.eachRow((row) => rows.push(Array.from((row.values as Cell[]).slice(1), (v) => v ?? null)));
  return { sheet, rows };
}

describe("exportTable: a list streamed page by page", () => {
  it("refuses a list larger than the row limit before the download starts, naming the count and the limit", async () => {
    const list = servedList(450);
    const thrown = await exportTable("csv", { ...personExport(list, 200), maxRows: 449 }).catch((e: unknown) => e);
    expect(thrown).toMatchObject({ data: { message: tooManyRowsMessage(450, 449) }, init: { status: 400 } });
    expect(tooManyRowsMessage(450, 449)).toBe("导出的数据共450条，超过单次导出上限449条，请增加筛选条件缩小范围后再导出");
    expect(list.asked).toEqual([1]);
  });

  it("takes a list exactly at the limit, and names its rows up front (X-Export-Rows) for a progress display", async () => {
    const list = servedList(450);
    const res = await exportTable("csv", { ...personExport(list, 200), maxRows: 450 });
    expect(res.headers.get("X-Export-Rows")).toBe("450");
    expect((await res.text()).split("\r\n").length - 1).toBe(452);
  });

  it("writes every page's rows to XLSX, 序号 counting across pages, then the 合计 row; text stays text", async () => {
    const list = servedList(450);
    const res = await exportTable("xlsx", personExport(list, 200));
    expect(res.headers.get("Content-Type")).toMatch(/spreadsheetml/);
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    expect(decodeURIComponent(res.headers.get("Content-Disposition")?.split("''")[1] ?? "")).toBe(exportFileName("专业技术人员信息", "xlsx"));
    const { sheet, rows } = await readXlsx(res);
    expect(sheet.name).toBe("专业技术人员信息");
    expect(rows).toEqual([["序号", "姓名", "学时"], ...expectedRows(450)]);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.getCell("B3").type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getCell("B3").formula).toBeUndefined();
    expect(list.asked).toEqual([1, 2, 3]);
  });

  it("writes the same table as CSV, byte for byte what toCsv makes of all rows", async () => {
    const list = servedList(450);
    const res = await exportTable("csv", personExport(list, 200));
    expect(res.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(new TextDecoder("utf-8", { ignoreBOM: true }).decode(await res.arrayBuffer())).toBe(toCsv(["序号", "姓名", "学时"], expectedRows(450)));
    expect(list.asked).toEqual([1, 2, 3]);
  });

  it.each([
    ["an empty list", 0, [1]],
    ["exactly one page", 200, [1]],
    ["one row more than a page", 201, [1, 2]],
  ] as const)("asks for no page beyond the end: %s", async (_, total, pages) => {
    const list = servedList(total);
    const res = await exportTable("csv", personExport(list, 200));
    expect((await res.text()).split("\r\n").length - 1).toBe(total + 2);
    expect(list.asked).toEqual(pages);
  });

  it("stops when the list shrank meanwhile and the service serves its last page again", async () => {
    const list = servedList(450, { shrinkTo: 80 });
    const { rows } = await readXlsx(await exportTable("xlsx", personExport(list, 100)));
    // Page 1 (100 rows) as first served; page 2 of the shrunk list is clamped to 1: not repeated.
    expect(rows).toHaveLength(1 + 100 + 1);
    expect(list.asked).toEqual([1, 2]);
  });

  it.each(["csv", "xlsx"] as const)("fetches pages only as the %s download is read (constant memory)", async (format) => {
    // 2,000,000 rows behind it; the reader takes the first bytes and goes away.
    const list = servedList(2_000_000);
    const res = await exportTable(format, { ...personExport(list, 200), maxRows: 2_000_000 });
    const reader = res.body?.getReader();
    if (!reader) throw new Error("no body");
    let read = 0;
    while (read < 64 * 1024) {
      const chunk = await reader.read();
      if (chunk.done) break;
      read += chunk.value.byteLength;
    }
    await new Promise((r) => setTimeout(r, 200));
    const fetched = list.asked.length;
    // A few pages ahead of the reader at most, never the list.
    expect(fetched).toBeGreaterThan(1);
    expect(fetched).toBeLessThan(40);
    await reader.cancel();
    await new Promise((r) => setTimeout(r, 50));
    expect(list.asked.length).toBeLessThan(fetched + 5);
  });

  it("throws a refusal of the first page before answering, so the route answers it as an error page", async () => {
    const list = servedList(10, { failOnPage: 1 });
    await expect(exportTable("xlsx", personExport(list))).rejects.toThrow("page 1 failed");
  });

  it.each(["csv", "xlsx"] as const)("fails the %s download when a later page fails, never a file cut short", async (format) => {
    const list = servedList(1000, { failOnPage: 3 });
    const res = await exportTable(format, personExport(list, 200));
    await expect(res.arrayBuffer()).rejects.toThrow();
  });

  it.each([
    ["format=csv", "csv"],
    ["format=xlsx", "xlsx"],
    ["", "xlsx"],
    ["format=pdf", "xlsx"],
  ] as const)("reads %j as a %s download", (query, format) => {
    expect(exportFormat(new URLSearchParams(query))).toBe(format);
  });
});

describe("sheet names Excel accepts", () => {
  it.each([
    ["专业技术人员数量查询_统计时间2026-06-30", "专业技术人员数量查询_统计时间2026-06-30"],
    ["济南/青岛[测试]:单位?*\\", "济南_青岛_测试__单位___"],
    ["一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三", "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一"],
    ["", "Sheet1"],
  ])("names the sheet of %j %j", async (name, title) => {
    expect(sheetTitle(name)).toBe(title);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await (await exportTable("xlsx", { ...personExport(servedList(1)), name })).arrayBuffer());
    expect(book.worksheets[0]?.name).toBe(title);
  });
});
