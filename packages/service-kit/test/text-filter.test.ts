import { createTestDatabase, dropTestDatabase, testTag } from "@ce/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { containsFilter, escapeLike, likeContains, likePrefix, prefixFilter } from "../src/text-filter.ts";
import { pgClient } from "./support/pg-client.ts";

let databaseUrl: string;
let db: ReturnType<typeof pgClient>;

const names = ["张_三", "张三", "张某三", "100%达标", "100分达标", "a\\b", "ab", "Abc", "ABC公司", "_", "%"];
const paths = ["/a_b/", "/a_b/c/", "/axb/", "/axb/c/", "/a%/", "/a%b/", "/a\\b/", "/a\\b/c/"];

beforeAll(async () => {
  databaseUrl = await createTestDatabase(testTag("textfilter"));
  db = pgClient(databaseUrl);
  await db.$executeRawUnsafe("CREATE TABLE t (name text NOT NULL, path text NOT NULL)");
  await db.$executeRawUnsafe("INSERT INTO t (name, path) SELECT n, '' FROM unnest($1::text[]) n", names);
  await db.$executeRawUnsafe("INSERT INTO t (name, path) SELECT '', p FROM unnest($1::text[]) p", paths);
});
afterAll(async () => {
  await db.end();
  await dropTestDatabase(databaseUrl);
});

const matching = async (sql: string, pattern: string) => (await db.$queryRawUnsafe<Array<{ v: string }>>(sql, pattern)).map((r) => r.v).sort();

describe("likeContains (a person's text filter, case-insensitive)", () => {
  it.each([
    ["_", ["_", "张_三"]],
    ["%", ["%", "100%达标"]],
    ["100%", ["100%达标"]],
    ["张_三", ["张_三"]],
    ["\\", ["a\\b"]],
    ["a\\b", ["a\\b"]],
    ["abc", ["ABC公司", "Abc"]],
    ["张三", ["张三"]],
    ["三", ["张_三", "张三", "张某三"]],
    ["__", []],
    ["%%", []],
  ])("%j matches exactly %j", async (typed, expected) => {
    expect(await matching("SELECT name AS v FROM t WHERE name <> '' AND name ILIKE $1", likeContains(typed))).toEqual([...expected].sort());
  });
});

describe("likePrefix (a scope subtree by materialised path)", () => {
  it.each([
    ["/a_b/", ["/a_b/", "/a_b/c/"]],
    ["/axb/", ["/axb/", "/axb/c/"]],
    ["/a%/", ["/a%/"]],
    ["/a\\b/", ["/a\\b/", "/a\\b/c/"]],
    ["/", paths],
  ])("%j selects only its own subtree %j", async (prefix, expected) => {
    expect(await matching("SELECT path AS v FROM t WHERE path <> '' AND path LIKE $1", likePrefix(prefix))).toEqual([...expected].sort());
  });
});

describe("Prisma filter builders", () => {
  it("build escaped filters that Prisma turns into the same LIKE patterns", () => {
    expect(containsFilter("张_三")).toEqual({ contains: "张\\_三", mode: "insensitive" });
    expect(containsFilter("")).toBeUndefined();
    expect(containsFilter(undefined)).toBeUndefined();
    expect(prefixFilter("/a%b/")).toEqual({ startsWith: "/a\\%b/" });
    expect(escapeLike("plain 文本")).toBe("plain 文本");
  });
});
