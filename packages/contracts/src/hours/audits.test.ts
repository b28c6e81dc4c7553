import { describe, expect, it } from "vitest";
import { ListAuditsInput } from "./audits.ts";

// 成果备案 › 学时审验's filters (issue 13.12): a sample needs its N, said on the N field.
describe("ListAuditsInput", () => {
  it.each([
    [{}, true],
    [{ sample: "ALL" }, true],
    [{ sample: "COUNT", sampleSize: "3" }, true],
    [{ sample: "PERCENT", sampleSize: "20" }, true],
    [{ sample: "COUNT" }, false],
    [{ sample: "PERCENT" }, false],
  ])("%o → accepted %s", (raw, ok) => {
    const parsed = ListAuditsInput.safeParse(raw);
    expect(parsed.success).toBe(ok);
    if (!parsed.success)
      expect(parsed.error.issues.map((i) => [i.path.join("."), i.message])).toEqual([["sampleSize", "请填写抽查数量N（每单位每形式抽取的条数或百分比）"]]);
  });
});
