import { importColumns } from "@ce/contracts";
import { describe, expect, it } from "vitest";
import type { SheetCell } from "./cells.ts";
import { cellsOf, locateHeader } from "./header.ts";

/** The template's header as people type it (no * marks): the columns of contracts importColumns. */
const template: SheetCell[] = importColumns.map((c) => c.header);

describe("locateHeader: finds the template's header in what people send", () => {
  it("reads the template's own header under its note row", () => {
    const found = locateHeader([
      ["填写说明：1. 带 * 的列必须填写…"],
      template.map((h) => (typeof h === "string" && ["姓名", "证件号"].includes(h) ? `*${h}` : h)),
    ]);
    expect(found).toMatchObject({ ok: true, header: { headerRow: 1, columns: { name: 0, idType: 1, idNumber: 2, certificateNo: 12 } } });
  });

  const variants: [string, SheetCell[][], Record<string, number>][] = [
    [
      "headers with （必填） and spaces",
      [["姓 名（必填）", " 证件号 (必填)", "手机号", "电子邮箱", "学历", "专业技术职务系列", "职称级别"]],
      { name: 0, idNumber: 1, titleLevel: 6 },
    ],
    ["full-width asterisks", [["＊姓名", "＊证件号", "＊手机号", "＊电子邮箱", "＊学历", "＊专业技术职务系列", "＊职称级别"]], { name: 0, idNumber: 1 }],
    [
      "columns in another order with extra ones",
      [["序号", "证件号", "备注", "姓名", "电子邮箱", "手机号", "职称级别", "学历", "专业技术职务系列"]],
      { idNumber: 1, name: 3, email: 4 },
    ],
    [
      "other systems' headers",
      [["姓名", "身份证号码", "手机号码", "邮箱", "学历", "职务系列", "职称等级", "部门"]],
      { idNumber: 1, phone: 2, email: 3, department: 7 },
    ],
    [
      "a header merged down from a group row (the lower cell empty)",
      [
        ["姓名", "证件号", "联系方式", null, "学历", "专业技术职务系列", "职称级别"],
        [null, null, "手机号", "电子邮箱", null, null, null],
      ],
      { name: 0, idNumber: 1, phone: 2, email: 3, titleLevel: 6 },
    ],
    ["a note row above the header", [["请按说明填写，证件号必须为文本"], template], { name: 0, certificateNo: 12 }],
    [
      "rich-text headers",
      [[{ richText: [{ text: "姓" }, { text: "名" }] }, "证件号", "手机号", "电子邮箱", "学历", "专业技术职务系列", "职称级别"]],
      { name: 0, idNumber: 1 },
    ],
  ];
  it.each(variants)("reads %s", (_what, rows, columns) => {
    const found = locateHeader(rows);
    expect(found.ok).toBe(true);
    expect(found.ok ? found.header.columns : {}).toMatchObject(columns);
  });

  it("refuses a sheet without the required columns, naming every missing one", () => {
    expect(locateHeader([["姓名", "证件号", "手机号"]])).toEqual({
      ok: false,
      message: "缺少必填列：电子邮箱、学历、专业技术职务系列、职称级别，请使用下载的模板",
    });
  });

  it("says where the data starts: below a two-row header", () => {
    const found = locateHeader([["说明"], ["姓名", "证件号", "联系方式", null, "学历", "专业技术职务系列", "职称级别"], [null, null, "手机号", "电子邮箱"]]);
    expect(found.ok ? found.header.headerRow : -1).toBe(2);
  });

  it("refuses a sheet without a header row", () => {
    const found = locateHeader([
      ["张三", "370102198801020019"],
      ["李四", "370102199005060022"],
    ]);
    expect(found).toMatchObject({ ok: false, message: expect.stringMatching(/没有找到表头行/) });
  });

  it("refuses a header that appears twice", () => {
    const found = locateHeader([[...template, "证件号"]]);
    expect(found).toMatchObject({ ok: false, message: "表头“证件号”出现了两次（第3列和第14列），请只保留一列" });
  });

  it("maps a data row's cells through the header", () => {
    const found = locateHeader([["证件号", "姓名", "电子邮箱", "手机号", "学历", "专业技术职务系列", "职称级别"]]);
    if (!found.ok) throw new Error(found.message);
    expect(cellsOf(["370102198801020019", "张三", "a@b.cn"], found.header)).toMatchObject({
      idNumber: "370102198801020019",
      name: "张三",
      email: "a@b.cn",
      phone: undefined,
    });
  });
});
