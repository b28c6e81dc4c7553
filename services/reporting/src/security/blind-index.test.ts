import { describe, expect, it } from "vitest";
import { DEV_PII_INDEX_KEY } from "../config.ts";
import { createBlindIndexes } from "./blind-index.ts";

// Expected values computed once with identity's createPii(...).blindIndex under the development
// key: if either side changes its formula, this table stops matching identity's.
describe("blind indexes of a typed 证件号", () => {
  const indexes = createBlindIndexes(DEV_PII_INDEX_KEY);

  it.each([
    ["37010219880101123X", "RESIDENT_ID", "YVSKS66jf2M8kBjZ9Q1cr90mxLPwa7C--nm0_zsmoKQ"],
    [" ３７０１０２１９８８０１０１１２３ｘ\u200B", "RESIDENT_ID", "YVSKS66jf2M8kBjZ9Q1cr90mxLPwa7C--nm0_zsmoKQ"],
    ["e12345678", "PASSPORT", "-PVWD_MjbUufYpVNOPlNLexWox98lzD49nEKw9v1mOY"],
  ])("%j under %s is identity's index", (typed, _type, expected) => {
    expect(indexes(typed)).toContain(expected);
  });

  it("gives one index per ID type, and another key gives others", () => {
    const mine = indexes("37010219880101123X");
    expect(new Set(mine).size).toBe(6);
    const other = createBlindIndexes(Buffer.alloc(32, 7).toString("base64"))("37010219880101123X");
    expect(other.some((h) => mine.includes(h))).toBe(false);
  });
});
