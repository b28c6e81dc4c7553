import { PageRequest } from "@ce/contracts";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { pageNumberOf, parseListQuery } from "./query.ts";

const ListInput = PageRequest.extend({ name: z.string().trim().max(50).optional() });

describe("parseListQuery reads page and pageSize from a list's URL", () => {
  it.each([
    ["", { page: 1, pageSize: 20 }],
    ["page=2", { page: 2, pageSize: 20 }],
    ["page=1e3", { page: 1, pageSize: 20 }],
    ["page=0", { page: 1, pageSize: 20 }],
    ["page=-3", { page: 1, pageSize: 20 }],
    ["page=2.5", { page: 1, pageSize: 20 }],
    ["page=%202", { page: 1, pageSize: 20 }],
    ["page=0x10", { page: 1, pageSize: 20 }],
    ["page=3&pageSize=50", { page: 3, pageSize: 50 }],
    ["pageSize=500", { page: 1, pageSize: 20 }],
    ["pageSize=1e2&page=4", { page: 4, pageSize: 20 }],
    ["name=张_三&page=abc", { page: 1, pageSize: 20, name: "张_三" }],
  ])("%s → %j", (search, expected) => {
    expect(parseListQuery(ListInput, new URLSearchParams(search))).toEqual(expected);
  });
});

describe("parseListQuery refuses a filter it cannot read instead of dropping it", () => {
  const Filtered = PageRequest.extend({
    name: z
      .string()
      .max(5, "姓名最多5个字")
      .refine((v) => ![...v].some((c) => c.charCodeAt(0) < 0x20), "姓名不能包含控制字符")
      .optional(),
    year: z.coerce.number().int().min(2000, "年度不正确").optional(),
  });
  it.each([
    ["name=%00", "姓名不能包含控制字符"],
    ["name=%01abc&page=2", "姓名不能包含控制字符"],
    ["name=%E5%BC%A0%E4%B8%89%E6%9D%8E%E5%9B%9B%E7%8E%8B%E4%BA%94", "姓名最多5个字"],
    ["year=1999", "年度不正确"],
    ["page=abc&year=1", "年度不正确"],
  ])("%s → 400 naming the field", async (search, message) => {
    let thrown: unknown;
    try {
      parseListQuery(Filtered, new URLSearchParams(search));
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(Response);
    const response = thrown as Response;
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ message: `筛选条件有误：${message}` });
  });

  it("still reads a good filter beside a bad page number", () => {
    expect(parseListQuery(Filtered, new URLSearchParams("name=张_三&page=0x1"))).toEqual({ page: 1, pageSize: 20, name: "张_三" });
  });
});

describe("pageNumberOf reads a page kept under its own name (two paged tables on one page)", () => {
  it.each([
    ["inPage=3&outPage=2", "inPage", 3],
    ["inPage=3&outPage=2", "outPage", 2],
    ["page=4", "outPage", 1],
    ["outPage=1e3", "outPage", 1],
    ["outPage=-1", "outPage", 1],
    ["outPage=", "outPage", 1],
  ])("%s → %s %i", (query, name, page) => {
    expect(pageNumberOf(new URLSearchParams(query), name)).toBe(page);
  });
});
