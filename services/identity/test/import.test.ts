import { IMPORT_EMPTY_ROWS_STOP, MAX_IMPORT_BYTES } from "@ce/contracts";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ID_LOOKUP_FIELD } from "../src/security/id-lookup.ts";
import { fileMessages, importFormat } from "../src/use-cases/import/read-file.ts";
import { bootIdentity, failure, type IdentityClient, type TestIdentity } from "./support/boot.ts";
import { importHeader, importRow, serialResidentId } from "./support/import-rows.ts";

// 批量导入's first landing (issue 12): 下载模板 and the dry run (校验) of XLSX and CSV files as people
// really fill them, through the router, on a real database; nothing is imported yet.
let t: TestIdentity;
let bus: IdentityClient;
beforeAll(async () => {
  t = await bootIdentity("import");
  bus = t.client({ token: (await t.login(t.fixture.logins.jnBus)).token, ip: "198.51.100.81" });
  const { id: engineering } = await bus.departments.create.mutate({ name: "工程部", sortOrder: 1 });
  const { id: finance } = await bus.departments.create.mutate({ name: "财务部", sortOrder: 2 });
  await bus.departments.create.mutate({ parentId: engineering, name: "一科", sortOrder: 1 });
  await bus.departments.create.mutate({ parentId: finance, name: "一科", sortOrder: 1 });
  await bus.departments.create.mutate({ name: "办公室", sortOrder: 3 });
});
afterAll(() => t?.cleanup());

/** What 下载模板 and 导出失败信息 write as the header: the required columns marked with *, as the guide shows them. */
const markedHeader = [
  "*姓名",
  "证件类型",
  "*证件号",
  "性别",
  "*手机号",
  "*电子邮箱",
  "工作部门",
  "*学历",
  "*专业技术职务系列",
  "*职称级别",
  "现专业技术职称资格",
  "从事专业",
  "证书管理号",
];
const toBase64 = (bytes: ArrayBuffer | Uint8Array) => Buffer.from(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes)).toString("base64");
const dryRun = (fileName: string, bytes: ArrayBuffer | Uint8Array) => bus.imports.dryRun.mutate({ fileName, base64: toBase64(bytes) });

async function templateBook(): Promise<ExcelJS.Workbook> {
  const file = await bus.imports.template.query();
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Uint8Array.from(Buffer.from(file.base64, "base64")).buffer);
  return book;
}

describe("下载模板", () => {
  it("has the note, the header with required columns marked, 证件号 as text, and drop-downs from a hidden 代码表", async () => {
    const file = await bus.imports.template.query();
    expect(file.fileName).toBe("批量导入模板.xlsx");
    const book = await templateBook();
    const sheet = book.getWorksheet("专业技术人员")!;
    expect(String(sheet.getCell("A1").value)).toMatch(/^填写说明：/);
    const headers = (sheet.getRow(2).values as unknown[]).slice(1);
    expect(headers).toEqual(markedHeader);
    expect(sheet.getColumn(3).numFmt).toBe("@");
    const lists = book.getWorksheet("代码表")!;
    expect(lists.state).toBe("hidden");
    const column = (letter: string) => lists.getColumn(letter).values.filter((v) => v !== undefined && v !== null);
    expect(column("A")).toEqual(["证件类型", "身份证", "护照", "港澳居民来往内地通行证", "台湾居民来往大陆通行证", "军官证", "外国人永久居留身份证"]);
    // The unit's departments: a unique name as it is, a shared one by its path.
    expect(column("F")).toEqual(["工作部门", "工程部", "工程部/一科", "财务部", "财务部/一科", "办公室"]);
    expect(sheet.getCell("H3").dataValidation).toMatchObject({ type: "list", formulae: ["'代码表'!$C$2:$C$8"] });
    expect(sheet.getCell("G100").dataValidation).toMatchObject({ type: "list", formulae: ["'代码表'!$F$2:$F$6"] });
  });

  it("the template filled in is read back: good rows importable, each bad cell named by row and column", async () => {
    const book = await templateBook();
    const sheet = book.getWorksheet("专业技术人员")!;
    // Excel keeps the drop-downs as ranges; exceljs's full reader expands them per cell, slow to write again.
    (sheet as unknown as { dataValidations: { model: object } }).dataValidations.model = {};
    const rows: unknown[][] = [
      importRow(1),
      [...importRow(2)].map((v, i) => (i === 2 ? Number("370203197912310358") : v)), // 证件号 typed into a General cell: a number
      [...importRow(3)].map((v, i) => (i === 5 ? "p3.example.com" : i === 6 ? "一科" : v)),
      [...importRow(4)].map((v, i) => (i === 2 ? { formula: "C3", result: undefined } : v)),
      [...importRow(5)].map((v, i) => (i === 11 ? new Date(Date.UTC(2019, 5, 1)) : v)), // "2019-6" turned into a date by Excel
      importRow(1, "重复的人"),
      [...importRow(7)].map((v, i) => (i === 2 ? t.fixture.logins.professional.idNumber : i === 3 ? "" : v)),
    ];
    rows.forEach((r, i) => {
      sheet.getRow(3 + i).values = r as ExcelJS.CellValue[];
    });
    const result = await dryRun("模板.xlsx", await book.xlsx.writeBuffer());
    expect({ ...result, errors: undefined }).toEqual({
      rows: 7,
      importable: 1,
      invalid: 4,
      duplicates: 2,
      errors: undefined,
      errorsTruncated: false,
      notes: [],
      uploadId: expect.any(String),
    });
    expect(result.errors).toEqual([
      { row: 4, column: "证件号", message: expect.stringMatching(/证件号被 Excel 存成了数字（\d+），超过15位的部分已丢失/) },
      { row: 5, column: "电子邮箱", message: "电子邮箱格式不正确" },
      { row: 5, column: "工作部门", message: "本单位有多个名为“一科”的部门，请填写完整路径（如 上级部门/一科）" },
      { row: 6, column: "证件号", message: expect.stringMatching(/是公式，文件中没有保存它的计算结果/) },
      { row: 7, column: "从事专业", message: expect.stringMatching(/日期（2019-06-01）/) },
      { row: 8, column: "证件号", message: "证件号与第3行重复" },
      { row: 9, column: "证件号", message: "该证件号已在平台注册，不会重复导入" },
    ]);
  });

  it("names 重复 only for people of the caller's own subtree: a number registered in another unit is not told (no ID-number oracle)", async () => {
    const row = (n: number, idNumber: string) => [...importRow(n)].map((v, i) => (i === 2 ? idNumber : i === 3 ? "" : v));
    const csv = [importHeader, row(61, t.fixture.logins.professional.idNumber), row(62, t.fixture.logins.qd.idNumber), row(63, t.fixture.logins.jn.idNumber)]
      .map((r) => r.join(","))
      .join("\r\n");
    const result = await dryRun("人员.csv", new TextEncoder().encode(csv));
    expect(result).toMatchObject({ rows: 3, importable: 2, duplicates: 1 });
    expect(result.errors).toEqual([{ row: 2, column: "证件号", message: "该证件号已在平台注册，不会重复导入" }]);
  });

  it("another unit's template offers its own departments only", async () => {
    const qd = t.client({ token: (await t.login(t.fixture.logins.qd)).token, ip: "198.51.100.82" });
    const file = await qd.imports.template.query();
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Uint8Array.from(Buffer.from(file.base64, "base64")).buffer);
    expect(book.getWorksheet("代码表")!.getColumn("F").values.filter(Boolean)).toEqual([]);
  });
});

describe("校验: files as people send them", () => {
  it("reads a CSV saved by Chinese Excel in GBK", async () => {
    // 姓名,证件号,…\r\n王五,370102199005060022,13912345678,wangwu@example.com,硕士研究生,会计,初级,\r\n in GB18030.
    const gbk = Buffer.from(
      "d0d5c3fb2cd6a4bcfebac52ccad6bbfabac52cb5e7d7d3d3cacfe42cd1a7c0fa2cd7a8d2b5bcbccaf5d6b0cef1cfb5c1d02cd6b0b3c6bcb6b1f02cb9a4d7f7b2bfc3c50d0acdf5cee52c3337303130323139393030353036303032322c31333931323334353637382c77616e677775406578616d706c652e636f6d2ccbb6cabfd1d0bebfc9fa2cbbe1bcc62cb3f5bcb62c0d0a",
      "hex",
    );
    expect(await dryRun("人员.csv", gbk)).toMatchObject({ rows: 1, importable: 1, invalid: 0, duplicates: 0, errors: [] });
  });

  it("reads a UTF-8 CSV with a BOM, an ID as 3.70102E+17 and full-width digits", async () => {
    const csv = `\uFEFF${importHeader.join(",")}\r\n${[
      importRow(11).join(","),
      importRow(12)
        .map((v, i) => (i === 2 ? "3.70102E+17" : v))
        .join(","),
      importRow(13)
        .map((v, i) => (i === 2 ? String(v).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))) : v))
        .join(","),
    ].join("\r\n")}`;
    const result = await dryRun("人员.csv", new TextEncoder().encode(csv));
    expect(result).toMatchObject({ rows: 3, importable: 2, invalid: 1 });
    expect(result.errors).toEqual([{ row: 3, column: "证件号", message: expect.stringMatching(/科学计数法（3\.70102E\+17）/) }]);
  });

  it("stops reading after a run of empty rows and says so", async () => {
    const csv = `${importHeader.join(",")}\r\n${importRow(21).join(",")}\r\n${",,,,\r\n".repeat(1_000_000)}${importRow(22).join(",")}\r\n`;
    const result = await dryRun("人员.csv", new TextEncoder().encode(csv));
    expect(result).toMatchObject({ rows: 1, importable: 1, notes: [`第3行起连续${IMPORT_EMPTY_ROWS_STOP}行为空，之后的内容没有读取`] });
  });

  it("writes no person, and one access-log row naming how many numbers were checked", async () => {
    const before = await t.app.db.account.count();
    const purpose = "批量导入：校验2个证件号";
    const loggedBefore = await t.app.db.piiAccessLog.count({ where: { viewerId: t.fixture.logins.jnBus.accountId, purpose } });
    await dryRun("人员.csv", new TextEncoder().encode(`${importHeader.join(",")}\r\n${importRow(31).join(",")}\r\n${importRow(32).join(",")}`));
    expect(await t.app.db.account.count()).toBe(before);
    const logged = await t.app.db.piiAccessLog.findMany({ where: { viewerId: t.fixture.logins.jnBus.accountId, purpose }, orderBy: { id: "asc" } });
    expect(logged.length).toBe(loggedBefore + 1);
    expect(logged.at(-1)?.fields).toEqual([ID_LOOKUP_FIELD]);
  });
});

describe("导出失败信息: the rows with errors, ready to fix and upload again", () => {
  it("writes the 有错误 rows in the template's layout with 错误原因 and 原行号; fixed, they check as importable", async () => {
    const rows = [
      importRow(41),
      importRow(42).map((v, i) => (i === 2 ? "370102198801020018" : i === 5 ? "p42.example.com" : v)),
      importRow(43).map((v, i) => (i === 7 ? "本科以上" : v)),
      importRow(41, "重复"),
    ];
    const csv = `${importHeader.join(",")}\r\n${rows.map((r) => r.join(",")).join("\r\n")}`;
    const file = await bus.imports.failedRows.mutate({ fileName: "人员.csv", base64: toBase64(new TextEncoder().encode(csv)) });
    expect(file.fileName).toBe("批量导入失败信息.xlsx");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Uint8Array.from(Buffer.from(file.base64, "base64")).buffer);
    const sheet = book.worksheets[0]!;
    const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(values(1)).toEqual([...markedHeader, "错误原因", "原行号"]);
    expect(sheet.rowCount).toBe(3);
    expect(values(2).slice(2, 3)).toEqual(["370102198801020018"]);
    expect(values(2).slice(13)).toEqual([expect.stringMatching(/校验.*；电子邮箱格式不正确$/), 3]);
    expect(values(3).slice(13)).toEqual([expect.stringMatching(/^学历“本科以上”不在可选范围内/), 4]);

    // Fixed in place and uploaded again: both now importable (the extra columns are ignored).
    sheet.getCell("C2").value = serialResidentId(42);
    sheet.getCell("F2").value = "p42@example.com";
    sheet.getCell("H3").value = "本科";
    const again = await dryRun("失败信息.xlsx", await book.xlsx.writeBuffer());
    expect(again).toMatchObject({ rows: 2, importable: 2, invalid: 0, errors: [] });
  });

  it("refuses a file with no failed rows", async () => {
    const csv = `${importHeader.join(",")}\r\n${importRow(51).join(",")}`;
    const error = await failure(bus.imports.failedRows.mutate({ fileName: "人员.csv", base64: toBase64(new TextEncoder().encode(csv)) }));
    expect(error.fieldErrors?.file).toEqual(["文件“人员.csv”：该文件没有有错误的行，无需导出失败信息"]);
  });
});

describe("校验: files refused as a whole, on the file field", () => {
  const refused: [string, string, Uint8Array, RegExp][] = [
    ["a text file renamed .xlsx", "人员.xlsx", new TextEncoder().encode("姓名,证件号\r\n"), /不是有效的 XLSX 文件/],
    ["an Excel 97-2003 file", "人员.xls", Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), /不支持 Excel 97-2003/],
    ["a PDF", "人员.pdf", new TextEncoder().encode("%PDF-1.7"), /仅支持 .xlsx 或 .csv/],
    ["a ZIP that is no spreadsheet (no central directory)", "人员.xlsx", Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), /不是有效的 XLSX 文件/],
    ["a ZIP declaring 1 GB unpacked", "人员.xlsx", bombZip(1024 * 1024 * 1024), /解压后过大/],
    [
      "a sheet missing required columns",
      "人员.csv",
      new TextEncoder().encode("姓名,证件号,手机号\r\n张三,1,2\r\n"),
      /缺少必填列：电子邮箱、学历、专业技术职务系列、职称级别/,
    ],
    ["a sheet without a header", "人员.csv", new TextEncoder().encode("张三,370102198801020019\r\n"), /没有找到表头行/],
  ];
  it.each(refused)("refuses %s", async (_what, name, bytes, message) => {
    const error = await failure(dryRun(name, bytes));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.fieldErrors?.file?.[0]).toMatch(message);
    // Which file, then why (contracts fileRefusal).
    expect(error.fieldErrors?.file?.[0]?.startsWith(`文件“${name}”：`)).toBe(true);
  });

  it("refuses an empty XLSX sheet and a file over the size limit", async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet("空");
    expect((await failure(dryRun("空.xlsx", await book.xlsx.writeBuffer()))).fieldErrors?.file?.[0]).toMatch(/没有任何内容/);
    expect(() => importFormat("大.csv", new Uint8Array(MAX_IMPORT_BYTES + 1))).toThrow(fileMessages.tooLarge);
  });
});

/** A ZIP whose one central-directory entry declares `unpacked` bytes from 100 packed: what a bomb declares. */
function bombZip(unpacked: number): Uint8Array {
  const local = Buffer.alloc(30 + 1);
  local.writeUInt32LE(0x04034b50, 0);
  const central = Buffer.alloc(46 + 1);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt32LE(100, 20);
  central.writeUInt32LE(unpacked, 24);
  central.writeUInt16LE(1, 28);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(1, 8);
  eocd.writeUInt16LE(1, 10);
  eocd.writeUInt32LE(central.length, 12);
  eocd.writeUInt32LE(local.length, 16);
  return new Uint8Array(Buffer.concat([local, central, eocd]));
}
