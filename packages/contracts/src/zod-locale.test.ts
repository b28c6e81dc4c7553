import { describe, expect, it } from "vitest";
import { z } from "zod";
import { DeclareInput } from "./index.ts";

// Chinese only: no Latin letter in a message a person reads.
const chinese = (m: string) => /[\u4e00-\u9fff]/.test(m) && !/[A-Za-z]/.test(m);

describe("zod default messages are Chinese (contracts configures them once)", () => {
  const schema = z.object({
    name: z.string().max(5),
    count: z.number().int().min(1).max(9),
    kind: z.enum(["A", "B"]),
    tags: z.array(z.string()).max(2),
    email: z.email(),
    when: z.iso.date(),
  });
  const good = { name: "张三", count: 3, kind: "A", tags: [], email: "a@b.cn", when: "2024-01-01" };
  it.each([
    { case: "wrong type", input: { ...good, name: 42 }, field: "name", expect: "格式不正确，应为文本" },
    { case: "too long", input: { ...good, name: "一二三四五六" }, field: "name", expect: "长度不能超过5个字符" },
    { case: "number too big", input: { ...good, count: 10 }, field: "count", expect: "不能大于9" },
    { case: "number too small", input: { ...good, count: 0 }, field: "count", expect: "不能小于1" },
    { case: "not an integer", input: { ...good, count: 1.5 }, field: "count", expect: "格式不正确，应为整数" },
    { case: "invalid enum", input: { ...good, kind: "C" }, field: "kind", expect: "选项无效" },
    { case: "missing field", input: { ...good, kind: undefined }, field: "kind", expect: "必填" },
    { case: "too many items", input: { ...good, tags: ["a", "b", "c"] }, field: "tags", expect: "长度不能超过2项" },
    { case: "bad e-mail", input: { ...good, email: "x" }, field: "email", expect: "格式不正确" },
    { case: "bad date", input: { ...good, when: "2024-13-01" }, field: "when", expect: "格式不正确" },
    { case: "wrong type: array for object", input: [], field: undefined, expect: "格式不正确，应为对象" },
  ])("$case → $expect", ({ input, field, expect: message }) => {
    const r = schema.safeParse(input);
    expect(r.success).toBe(false);
    const issue = r.error?.issues.find((i) => (field ? i.path[0] === field : i.path.length === 0));
    expect(issue?.message).toBe(message);
    for (const i of r.error?.issues ?? []) expect(chinese(i.message), i.message).toBe(true);
  });

  it("a schema's own message still wins", () => {
    const r = DeclareInput.safeParse({ attachments: [] });
    expect(r.error?.issues.find((i) => i.path[0] === "attachments")?.message).toBe("请上传附件");
    for (const i of r.error?.issues ?? []) expect(chinese(i.message), `${i.path.join(".")}: ${i.message}`).toBe(true);
  });
});
