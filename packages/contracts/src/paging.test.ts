import { describe, expect, it } from "vitest";
import { MyComplianceInput } from "./hours/compliance.ts";
import { SearchUnitsInput } from "./identity/registration.ts";
import { PageRequest, pagerSummary, servedPage } from "./paging.ts";

describe("PageRequest reads page and pageSize as plain positive decimal integers", () => {
  it.each([
    [{}, { page: 1, pageSize: 20 }],
    [{ page: "2" }, { page: 2, pageSize: 20 }],
    [
      { page: 3, pageSize: 50 },
      { page: 3, pageSize: 50 },
    ],
    [
      { page: "12", pageSize: "200" },
      { page: 12, pageSize: 200 },
    ],
  ])("accepts %j as %j", (raw, expected) => {
    expect(PageRequest.parse(raw)).toEqual(expected);
  });

  it.each([
    { page: "1e3" },
    { page: "0" },
    { page: "-1" },
    { page: "+2" },
    { page: "2.0" },
    { page: " 2" },
    { page: "0x10" },
    { page: "01" },
    { page: "abc" },
    { page: "" },
    { page: "9999999999" },
    { page: 1.5 },
    { page: 0 },
    { page: Number.NaN },
    { page: Number.POSITIVE_INFINITY },
    { pageSize: "201" },
    { pageSize: 1000 },
    { pageSize: "1e2" },
    { pageSize: "0" },
  ])("refuses %j", (raw) => {
    expect(PageRequest.safeParse(raw).success).toBe(false);
  });
});

// Other counts a client sends are read by the same parser: the unit picker's page size and 我的学时's years.
describe("every client-sent count is a plain positive decimal integer", () => {
  it.each([
    ["the unit picker's limit", SearchUnitsInput, "limit", "10", 10, 50],
    ["我的学时's years", MyComplianceInput, "years", "3", 3, 10],
  ] as const)("%s: %j is read as %i, up to %i", (_what, schema, key, plain, read, max) => {
    expect((schema.parse({ [key]: plain }) as Record<string, unknown>)[key]).toBe(read);
    expect((schema.parse({ [key]: max }) as Record<string, unknown>)[key]).toBe(max);
    for (const bad of ["1e1", "0x10", "+2", "2.0", " 2", "", "0", max + 1, 1.5, Number.NaN])
      expect(schema.safeParse({ [key]: bad }).success, `${key}=${JSON.stringify(bad)}`).toBe(false);
  });
});

describe("pagerSummary: a page past the end shows the last page, and the figures agree", () => {
  it.each([
    [1, 20, 3, "第1/1页 共3条 显示第1到3条"],
    [2, 20, 45, "第2/3页 共45条 显示第21到40条"],
    [3, 20, 45, "第3/3页 共45条 显示第41到45条"],
    [2, 20, 18, "第1/1页 共18条 显示第1到18条"],
    [1000, 20, 18, "第1/1页 共18条 显示第1到18条"],
    [7, 10, 41, "第5/5页 共41条 显示第41到41条"],
    [1, 20, 0, "第1/1页 共0条 显示第0到0条"],
    [5, 20, 0, "第1/1页 共0条 显示第0到0条"],
    [0, 20, 3, "第1/1页 共3条 显示第1到3条"],
    [2, 20, 40, "第2/2页 共40条 显示第21到40条"],
    [3, 20, 40, "第2/2页 共40条 显示第21到40条"],
  ])("page %i of size %i over %i rows prints %s", (page, pageSize, total, text) => {
    expect(pagerSummary(page, pageSize, total).text).toBe(text);
  });

  it("serves the offset of the page it prints", () => {
    expect(servedPage(9, 20, 45)).toEqual({ page: 3, pageCount: 3, offset: 40, first: 41, last: 45 });
    expect(servedPage(1, 20, 0)).toEqual({ page: 1, pageCount: 1, offset: 0, first: 0, last: 0 });
  });
});
