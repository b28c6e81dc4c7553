import { describe, expect, it } from "vitest";
import { CreateTransferInput, DecideTransferForm } from "./transfers.ts";

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

describe("确认调转 / 拒绝 as a row posts them", () => {
  const id = "f2ef6181-2d35-4040-a3cc-b96885cd0676";
  it.each([
    [
      { intent: "accept", id, reason: "" },
      { id, accept: true },
    ],
    [
      { intent: "reject", id, reason: "  人员信息不符 " },
      { id, accept: false, reason: "人员信息不符" },
    ],
  ])("reads %j", (posted, input) => {
    expect(DecideTransferForm.parse(posted)).toEqual(input);
  });

  it.each([
    [{ intent: "reject", id, reason: "\u3000" }, ["reason"], "请填写拒绝原因"],
    [{ intent: "accept", id: "x" }, ["id"], undefined],
    [{ intent: "ignore", id }, ["intent"], undefined],
  ])("refuses %j on %j", (posted, path, message) => {
    const issues = DecideTransferForm.safeParse(posted).error?.issues ?? [];
    expect(issues).toEqual([expect.objectContaining(message ? { path, message } : { path })]);
  });
});
