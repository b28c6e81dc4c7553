import { describe, expect, it } from "vitest";
import { z } from "zod";
import { PageRequest } from "@ce/contracts";
import { parseListQuery } from "./query.ts";

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
