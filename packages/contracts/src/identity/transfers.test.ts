import { describe, expect, it } from "vitest";
import { CreateTransferInput } from "./transfers.ts";

const base = { accountId: "f2ef6181-2d35-4040-a3cc-b96885cd0676", toUnitId: "d2a63329-40bd-4277-b8b9-27c21f7cf639", reason: "工作调动" };

// [what an admin typed or pasted as 本单位联系电话, what is stored]
const ACCEPTED: [string, string][] = [
  ["0531-88888888", "0531-88888888"],
  ["０５３１－８８８８８８８８", "0531-88888888"],
  ["0531–88888888", "0531-88888888"],
  ["0531—88888888", "0531-88888888"],
  ["0531\u3000 8888 8888", "053188888888"],
  ["\u200B13800138000\uFEFF", "13800138000"],
  ["１３８００１３８０００", "13800138000"],
];

// [input, the Chinese message on 本单位联系电话]
const REFUSED: [string, string][] = [
  ["", "请输入本单位联系电话"],
  ["\u3000\u200B", "请输入本单位联系电话"],
  ["0531", "联系电话格式不正确"],
  ["0531-8888八八八八", "联系电话格式不正确"],
  ["+86 13800138000", "联系电话格式不正确"],
  ["0531-88888888-123456789", "联系电话格式不正确"],
];

describe("人员调出 本单位联系电话 goes through the identifier normaliser", () => {
  it.each(ACCEPTED)("accepts %j as %j", (typed, stored) => {
    const r = CreateTransferInput.safeParse({ ...base, contactPhone: typed });
    expect(r.success && r.data.contactPhone).toBe(stored);
  });

  it.each(REFUSED)("refuses %j with %j", (typed, message) => {
    const r = CreateTransferInput.safeParse({ ...base, contactPhone: typed });
    expect(r.error?.issues).toEqual([expect.objectContaining({ path: ["contactPhone"], message })]);
  });
});
