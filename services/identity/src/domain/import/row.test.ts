import { describe, expect, it } from "vitest";
import { departmentIndex } from "./choices.ts";
import { type RowCells, validateRow } from "./row.ts";

const now = new Date("2026-11-30T00:00:00Z");
const departments = departmentIndex([
  { id: "d-office", name: "办公室", parentId: null },
  { id: "d-eng", name: "工程部", parentId: null },
  { id: "d-eng-1", name: "一科", parentId: "d-eng" },
  { id: "d-fin", name: "财务部", parentId: null },
  { id: "d-fin-1", name: "一科", parentId: "d-fin" },
]);
const ctx = { departments, now };

/** A row as a careful admin fills it in the template. */
const good: RowCells = {
  name: "张三",
  idType: "身份证",
  idNumber: "370102198801020019",
  sex: "男",
  phone: "13812345678",
  email: "zhangsan@example.com",
  department: "办公室",
  education: "本科",
  titleSeries: "工程技术",
  titleLevel: "中级",
  qualification: "工程师",
  major: "道路与桥梁",
  certificateNo: "ZS-2019-001",
};

describe("validateRow: a good row becomes the person registration would store", () => {
  it("reads names into codes, the department into its id, and empties into null", () => {
    const result = validateRow({ ...good, major: "", certificateNo: null }, ctx);
    expect(result).toEqual({
      ok: true,
      person: {
        idType: "RESIDENT_ID",
        idNumber: "370102198801020019",
        name: "张三",
        phone: "13812345678",
        email: "zhangsan@example.com",
        departmentId: "d-office",
        education: "BACHELOR",
        titleSeries: "ENGINEERING",
        titleLevel: "INTERMEDIATE",
        qualification: "工程师",
        major: null,
        certificateNo: null,
      },
    });
  });

  const accepted: [string, RowCells, Partial<Record<string, unknown>>][] = [
    ["证件类型 left empty means 身份证", { idType: "" }, { idType: "RESIDENT_ID" }],
    ["证件类型 by its code", { idType: "RESIDENT_ID" }, { idType: "RESIDENT_ID" }],
    ["证件类型 as 居民身份证", { idType: "居民身份证" }, { idType: "RESIDENT_ID" }],
    ["a full-width ID number with spaces", { idNumber: "３７０１０２ １９８８０１０２ ００１９" }, { idNumber: "370102198801020019" }],
    ["an ID number with a zero-width space inside", { idNumber: "370102\u200B198801020019" }, { idNumber: "370102198801020019" }],
    ["a lower-case x check character", { idNumber: "11010519491231002x", sex: "女" }, { idNumber: "11010519491231002X" }],
    ["an ID typed as a formula's cached result", { idNumber: { formula: 'A1&""', result: "370102198801020019" } }, { idNumber: "370102198801020019" }],
    ["a passport number", { idType: "护照", idNumber: "e12345678", sex: "" }, { idType: "PASSPORT", idNumber: "E12345678" }],
    ["a passport number stored as a number", { idType: "护照", idNumber: 123456789, sex: "女" }, { idNumber: "123456789" }],
    ["a phone with +86 and dashes", { phone: "+86 138-1234-5678" }, { phone: "13812345678" }],
    ["a phone stored as a number", { phone: 13812345678 }, { phone: "13812345678" }],
    ["a phone in full-width digits", { phone: "１３８１２３４５６７８" }, { phone: "13812345678" }],
    [
      "an e-mail as a mailto hyperlink",
      { email: { text: "zhangsan@example.com", hyperlink: "mailto:zhangsan@example.com" } },
      { email: "zhangsan@example.com" },
    ],
    ["an e-mail with spaces around", { email: " zhangsan@example.com " }, { email: "zhangsan@example.com" }],
    ["学历 by code in lower case", { education: "bachelor" }, { education: "BACHELOR" }],
    ["学历 as 大学本科", { education: "大学本科" }, { education: "BACHELOR" }],
    ["学历 as 硕士", { education: "硕士" }, { education: "MASTER" }],
    ["职称级别 as 副高", { titleLevel: "副高" }, { titleLevel: "DEPUTY_SENIOR" }],
    ["职称级别 无", { titleLevel: "无" }, { titleLevel: "NONE" }],
    ["职务系列 with a trailing full-width space", { titleSeries: "会计\u3000" }, { titleSeries: "ACCOUNTING" }],
    ["a department named by its unique name", { department: "工程部" }, { departmentId: "d-eng" }],
    ["a shared department name by its path", { department: "财务部/一科" }, { departmentId: "d-fin-1" }],
    ["a path with a full-width slash and spaces", { department: "工程部 ／ 一科" }, { departmentId: "d-eng-1" }],
    ["no department", { department: "" }, { departmentId: null }],
    ["性别 left empty", { sex: "" }, { name: "张三" }],
    ["性别 matching a woman's ID", { idNumber: "370102199005060022", sex: "女" }, { idNumber: "370102199005060022" }],
    ["性别 as 男性", { sex: "男性" }, { name: "张三" }],
    ["a name with a middle dot", { name: "阿依古丽·买买提" }, { name: "阿依古丽·买买提" }],
    ["a name with invisible characters at the ends", { name: "\uFEFF张三\u200B" }, { name: "张三" }],
  ];
  it.each(accepted)("accepts %s", (_what, change, expected) => {
    const result = validateRow({ ...good, ...change }, ctx);
    expect(result.ok ? result.person : result.errors).toMatchObject(expected);
  });
});

describe("validateRow: each refusal names the column and says what is wrong", () => {
  const refused: [string, RowCells, string, RegExp][] = [
    ["an empty 姓名", { name: "" }, "姓名", /姓名不能为空/],
    ["a 姓名 of only spaces", { name: "\u3000 " }, "姓名", /姓名不能为空/],
    ["a 姓名 with a control character", { name: "张\u0007三" }, "姓名", /不允许的字符/],
    ["a 姓名 with a bidi override", { name: "张\u202E三" }, "姓名", /不允许的字符/],
    ["a 姓名 too long", { name: "张".repeat(51) }, "姓名", /姓名/],
    ["an empty 证件号", { idNumber: null }, "证件号", /证件号不能为空/],
    ["a wrong check character", { idNumber: "370102198801020018" }, "证件号", /校验/],
    ["an impossible birth date", { idNumber: "370102198802300019" }, "证件号", /出生日期/],
    ["a birth date in the future", { idNumber: "370102202712010011" }, "证件号", /出生日期/],
    ["17 digits", { idNumber: "37010219880102001" }, "证件号", /18/],
    ["an 18-digit ID stored as a number", { idNumber: 370102198801020000 }, "证件号", /超过15位的部分已丢失/],
    ["an ID as 3.70102E+17 text", { idNumber: "3.70102E+17" }, "证件号", /科学计数法/],
    ["an ID from a formula with no result", { idNumber: { formula: "B2" } }, "证件号", /公式/],
    ["an unknown 证件类型", { idType: "驾驶证" }, "证件类型", /证件类型“驾驶证”不在可选范围内/],
    ["a passport number with 汉字", { idType: "护照", idNumber: "护照E123" }, "证件号", /证件号格式不正确/],
    ["性别 not matching the ID", { sex: "女" }, "性别", /性别与身份证号不符（身份证号第17位表示男）/],
    ["an unknown 性别", { sex: "未知" }, "性别", /应为：男、女/],
    ["an empty 手机号", { phone: "" }, "手机号", /手机号不能为空/],
    ["a 10-digit phone", { phone: "1381234567" }, "手机号", /11位/],
    ["a landline as 手机号", { phone: "0531-88886666" }, "手机号", /11位/],
    ["an empty 电子邮箱", { email: "" }, "电子邮箱", /电子邮箱不能为空/],
    ["an e-mail without @", { email: "zhangsan.example.com" }, "电子邮箱", /电子邮箱格式不正确/],
    ["an e-mail with a full-width @", { email: "zhangsan＠example.com" }, "电子邮箱", /电子邮箱格式不正确/],
    ["an unknown 学历", { education: "本科以上" }, "学历", /学历“本科以上”不在可选范围内，应为：博士研究生/],
    ["an empty 学历", { education: "" }, "学历", /学历不能为空/],
    ["an unknown 职务系列", { titleSeries: "交通" }, "专业技术职务系列", /请从模板的下拉列表中选择/],
    ["an ambiguous 职称级别 高级", { titleLevel: "高级" }, "职称级别", /职称级别“高级”不在可选范围内/],
    ["a department of another unit", { department: "市场部" }, "工作部门", /不是本单位的在用部门/],
    ["a department name two share", { department: "一科" }, "工作部门", /有多个名为“一科”的部门，请填写完整路径/],
    ["a date in 证书管理号", { certificateNo: new Date(Date.UTC(2019, 5, 1)) }, "证书管理号", /日期（2019-06-01）/],
    ["an #N/A in 从事专业", { major: { error: "#N/A" } }, "从事专业", /错误值 #N\/A/],
    ["a 证书管理号 too long", { certificateNo: "Z".repeat(51) }, "证书管理号", /证书管理号/],
  ];
  it.each(refused)("refuses %s", (_what, change, column, message) => {
    const result = validateRow({ ...good, ...change }, ctx);
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors;
    expect(errors).toContainEqual({ column, message: expect.stringMatching(message) });
  });

  it("lists every error of a row, in the template's column order", () => {
    const result = validateRow({ ...good, email: "bad", name: "", phone: "123", education: "?" }, ctx);
    expect(result.ok ? [] : result.errors.map((e) => e.column)).toEqual(["姓名", "手机号", "电子邮箱", "学历"]);
  });

  it("a row of a sheet that lacks an optional column is still valid", () => {
    const { sex: _sex, department: _dept, major: _major, ...rest } = good;
    expect(validateRow(rest, ctx).ok).toBe(true);
  });
});
