import { servedPage } from "@ce/contracts";
import { describe, expect, it } from "vitest";
import type { Api } from "./api.server.ts";
import { PICKER_PAGE_SIZE, PickerQuery, pickerRefusal, searchPicker } from "./picker.server.ts";

// The picker pages like every list (issue 7 fault 5): its page is read by PositiveIntParam and a
// page past the end serves the last one (contracts servedPage), its figures agreeing.
describe("the picker's page", () => {
  it.each([
    ["2", 2],
    [3, 3],
    ["1e3", 1],
    ["0x10", 1],
    ["0", 1],
    ["-1", 1],
    ["abc", 1],
    [undefined, 1],
  ] as const)("reads page %j as %i", (page, expected) => {
    expect(PickerQuery.parse({ q: "王", page }).page).toBe(expected);
  });

  const people = Array.from({ length: 23 }, (_, i) => ({
    accountId: `a${i + 1}`,
    name: `王${i + 1}`,
    idNumberMasked: "3701021990****1234",
    departmentName: null,
  }));
  // Every picker's service pages (paginate: a page past the end serves the last); this stand-in does as identity does.
  const asked: { page: number; pageSize: number }[] = [];
  const candidates = async (input: { page: number; pageSize: number }) => {
    asked.push({ page: input.page, pageSize: input.pageSize });
    const served = servedPage(input.page, input.pageSize, people.length);
    return { items: people.slice(served.offset, served.offset + input.pageSize), page: served.page, pageSize: input.pageSize, total: people.length };
  };
  const api = { identity: { admins: { candidates: { query: candidates } } } } as unknown as Api;

  it.each([
    [1, 1, ["王1", "王10"]],
    [3, 3, ["王21", "王23"]],
    [4, 3, ["王21", "王23"]],
    [999, 3, ["王21", "王23"]],
  ])("serves page %i of 23 people as page %i (%j first and last)", async (page, served, [first, last]) => {
    const result = await searchPicker(api, "admin", { q: "王", page });
    expect(asked.at(-1)).toEqual({ page, pageSize: PICKER_PAGE_SIZE });
    expect(result).toMatchObject({ page: served, pageSize: PICKER_PAGE_SIZE, total: 23 });
    expect([result.items[0]?.label, result.items.at(-1)?.label]).toEqual([first, last]);
  });
});

// A number typed or pasted in any Unicode spelling is a number (issue 7 fault 7's kind): the picker
// asks contracts looksLikeIdNumber after the one normaliser and looks it up by its one spelling;
// a name is searched as a name.
describe("the picker tells a number from a name after normalising", () => {
  const searched: { number: string[]; name: (string | undefined)[] } = { number: [], name: [] };
  const api = {
    identity: {
      professionals: {
        find: {
          mutate: async (input: { idNumber: string }) => {
            searched.number.push(input.idNumber);
            return null;
          },
        },
      },
    },
    hours: {
      declarations: {
        declarables: {
          query: async (input: { name?: string; pageSize: number }) => {
            searched.name.push(input.name);
            return { items: [], total: 0, page: 1, pageSize: input.pageSize };
          },
        },
      },
    },
  } as unknown as Api;

  it.each([
    ["37010219770120000X", "37010219770120000X"],
    ["３７０１０２１９７７０１２００００ｘ", "37010219770120000X"],
    ["370102\u200d19770120000X", "37010219770120000X"],
    ["𝟑𝟕𝟎𝟏𝟎𝟐𝟏𝟗𝟕𝟕𝟎𝟏𝟐𝟎𝟎𝟎𝟎𝐗", "37010219770120000X"],
    ["3701 0219 7701 2000 0X", "37010219770120000X"],
    ["e1234５６７８", "E12345678"],
    ["王明", null],
    ["王明370102", null],
  ])("%s → looked up as %s", async (typed, number) => {
    searched.number.length = 0;
    searched.name.length = 0;
    await searchPicker(api, "declarable", { q: typed, page: 1 });
    if (number) expect([searched.number, searched.name]).toEqual([[number], []]);
    else expect([searched.number, searched.name]).toEqual([[], [typed]]);
  });
});

describe("a typed ID number no one can have is said, not searched (没有找到…)", () => {
  const q = (text: string) => PickerQuery.parse({ q: text });
  it("names a wrong check digit for the person pickers", () => {
    for (const kind of ["declarable", "transfer", "admin"] as const) expect(pickerRefusal(kind, q("370102197701200001"))).toBe("身份证号校验位不正确");
  });
  it("lets a valid number, a name and the unit pickers through", () => {
    expect(pickerRefusal("declarable", q("37010219770120000x"))).toBeNull();
    expect(pickerRefusal("declarable", q("王"))).toBeNull();
    expect(pickerRefusal("employer", q("370102197701200001"))).toBeNull();
  });
});
