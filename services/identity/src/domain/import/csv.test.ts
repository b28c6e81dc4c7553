import { describe, expect, it } from "vitest";
import { csvDelimiter, csvRecords, decodeCsv } from "./csv.ts";

// "姓名,证件号\r\n张三,370102198801020019" as Chinese Excel's "CSV (逗号分隔)" saves it: GBK.
const gbk = Uint8Array.from([0xd0, 0xd5, 0xc3, 0xfb, 0x2c, 0xd6, 0xa4, 0xbc, 0xfe, 0xba, 0xc5, 0x0d, 0x0a, 0xd5, 0xc5, 0xc8, 0xfd]);
const utf8 = (s: string) => new TextEncoder().encode(s);
const utf16le = (s: string, bom = true) => {
  const body = Buffer.from(s, "utf16le");
  return new Uint8Array(bom ? Buffer.concat([Buffer.from([0xff, 0xfe]), body]) : body);
};

describe("decodeCsv: BOM, else strict UTF-8, else GB18030", () => {
  const cases: [string, Uint8Array, string, string][] = [
    ["UTF-8 with a BOM (Excel's CSV UTF-8)", new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("姓名,证件号")]), "姓名,证件号", "utf-8"],
    ["UTF-8 without a BOM", utf8("姓名,证件号"), "姓名,证件号", "utf-8"],
    ["GBK (Chinese Excel's plain CSV)", gbk, "姓名,证件号\r\n张三", "gb18030"],
    ["a short GBK file statistical detectors call Big5", Uint8Array.from([0xd5, 0xc5, 0xc8, 0xfd]), "张三", "gb18030"],
    ["GB18030 four-byte characters (𠮷)", Uint8Array.from([0x95, 0x34, 0xb2, 0x35]), "𠮷", "gb18030"],
    ["UTF-16LE with a BOM (Excel's Unicode text)", utf16le("姓名\t证件号"), "姓名\t证件号", "utf-16le"],
    ["UTF-16BE with a BOM", Uint8Array.from([0xfe, 0xff, 0x59, 0xd3, 0x54, 0x0d]), "姓名", "utf-16be"],
    ["plain ASCII", utf8("name,id"), "name,id", "utf-8"],
    ["an empty file", new Uint8Array(), "", "utf-8"],
  ];
  it.each(cases)("decodes %s", (_what, bytes, text, encoding) => {
    expect(decodeCsv(bytes)).toEqual({ text, encoding });
  });
});

describe("csvRecords: RFC 4180 as Excel writes it", () => {
  const cases: [string, string, string[][]][] = [
    [
      "CRLF lines",
      "a,b\r\nc,d\r\n",
      [
        ["a", "b"],
        ["c", "d"],
      ],
    ],
    [
      "LF lines without a final break",
      "a,b\nc,d",
      [
        ["a", "b"],
        ["c", "d"],
      ],
    ],
    [
      "CR-only lines (old Mac Excel)",
      "a,b\rc,d",
      [
        ["a", "b"],
        ["c", "d"],
      ],
    ],
    ["a quoted comma", '"张,三",x', [["张,三", "x"]]],
    ["a doubled quote", '"说""明""",x', [['说"明"', "x"]]],
    [
      "a line break inside quotes",
      '"第一行\r\n第二行",x\r\ny,z',
      [
        ["第一行\r\n第二行", "x"],
        ["y", "z"],
      ],
    ],
    ["empty fields and a trailing comma", "a,,c,\r\n", [["a", "", "c", ""]]],
    ["empty lines stay records", "a\r\n\r\n\r\nb", [["a"], [""], [""], ["b"]]],
    ["a quote inside an unquoted field is text", 'ab"c,d', [['ab"c', "d"]]],
    ["an unterminated quote runs to the end", '"abc,d', [["abc,d"]]],
    ["an apostrophe kept (Excel's text marker as exported)", "'370102198801020019,x", [["'370102198801020019", "x"]]],
    [
      "tab-separated Unicode text",
      "姓名\t证件号\r\n张三\t3701",
      [
        ["姓名", "证件号"],
        ["张三", "3701"],
      ],
    ],
  ];
  it.each(cases)("reads %s", (_what, text, records) => {
    expect([...csvRecords(text)]).toEqual(records);
  });

  it("picks the tab when the first line has more tabs than commas", () => {
    expect(csvDelimiter("a\tb\tc,d\r\n")).toBe("\t");
    expect(csvDelimiter("a,b\tc")).toBe(",");
  });

  it("reads lazily: a million empty lines cost nothing until asked for", () => {
    const records = csvRecords(`姓名\r\n${"\r\n".repeat(1_000_000)}`);
    expect(records.next().value).toEqual(["姓名"]);
    expect(records.next().value).toEqual([""]);
  });
});
