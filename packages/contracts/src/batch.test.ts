import { describe, expect, it } from "vitest";
import { ALREADY_DECIDED_MESSAGE, BatchIds, batchOutcome, isOwnCase, MAX_BATCH_ITEMS, OWN_CASE_MESSAGE, planBatch, requireDecided } from "./batch.ts";
import { DomainError } from "./errors.ts";

const uuids = (n: number) => Array.from({ length: n }, () => crypto.randomUUID());

describe("BatchIds", () => {
  const [a, b] = uuids(2) as [string, string];
  it.each([
    { name: "one id", ids: [a], out: [a] },
    { name: "a duplicate counted once", ids: [a, b, a], out: [a, b] },
    { name: "200 ids", ids: uuids(MAX_BATCH_ITEMS), count: MAX_BATCH_ITEMS },
    { name: "201 entries that are 200 ids", ids: [...uuids(MAX_BATCH_ITEMS), a].concat(a).slice(1), count: MAX_BATCH_ITEMS },
  ])("accepts $name", ({ ids, out, count }) => {
    const parsed = BatchIds.parse(ids);
    if (out) expect(parsed).toEqual(out);
    expect(parsed).toHaveLength(count ?? out?.length ?? 0);
  });

  it.each([
    { name: "none", ids: [], message: "请选择要审核的记录" },
    { name: "nothing at all", ids: undefined, message: "请选择要审核的记录" },
    { name: "201 ids", ids: uuids(MAX_BATCH_ITEMS + 1), message: "一次最多审核200条" },
    { name: "a malformed id", ids: [a, "1"], message: "所选记录编号无效" },
  ])("refuses $name with $message", ({ ids, message }) => {
    const result = BatchIds.safeParse(ids);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(message);
  });
});

describe("planBatch and batchOutcome", () => {
  const rows = [
    { id: "a", name: "甲", status: "PENDING" },
    { id: "b", name: "乙", status: "APPROVED" },
    { id: "c", name: "丙", status: "WITHDRAWN" },
  ];
  const rule = { isWaiting: (r: { status: string }) => r.status === "PENDING", notFound: "所选记录不存在或不在本单位管辖范围内" };

  it.each([
    { name: "all waiting", requested: ["a"], found: [rows[0]!], decided: ["甲"], skipped: [] },
    {
      name: "some decided first or withdrawn",
      requested: ["a", "b", "c"],
      found: rows,
      decided: ["甲"],
      skipped: ["乙:已被其他管理员处理", "丙:已被申报人撤回"],
    },
    { name: "none waiting", requested: ["b"], found: [rows[1]!], decided: [], skipped: ["乙:已被其他管理员处理"] },
  ])("$name: decides the waiting rows and lists the others with why", ({ requested, found, decided, skipped }) => {
    const outcome = batchOutcome(
      planBatch(requested, found, rule),
      (r) => r.name,
      (r) => (r.status === "WITHDRAWN" ? "已被申报人撤回" : "已被其他管理员处理"),
    );
    expect(outcome.decided.map((d) => d.label)).toEqual(decided);
    expect(outcome.skipped.map((s) => `${s.label}:${s.message}`)).toEqual(skipped);
    expect(outcome.skipped.every((s) => s.reason === "ALREADY_DECIDED")).toBe(true);
  });

  it.each([
    { name: "an id outside the scope", requested: ["a", "x"] },
    { name: "only unknown ids", requested: ["x"] },
  ])("refuses the whole batch for $name with NOT_FOUND", ({ requested }) => {
    expect(() => planBatch(requested, [rows[0]!], rule)).toThrow(expect.objectContaining({ kind: "NOT_FOUND", message: rule.notFound }));
  });
});

describe("requireDecided (a single-record action)", () => {
  it("passes a decided record through", () => {
    const outcome = { decided: [{ id: crypto.randomUUID(), label: "张三的申报" }], skipped: [] };
    expect(requireDecided(outcome)).toBe(outcome);
  });

  it("turns a skip into CONFLICT naming the record and why", () => {
    const outcome = {
      decided: [],
      skipped: [{ id: crypto.randomUUID(), label: "张三的申报", reason: "ALREADY_DECIDED" as const, message: "已被其他管理员处理" }],
    };
    expect(() => requireDecided(outcome)).toThrow(DomainError);
    expect(() => requireDecided(outcome)).toThrow(expect.objectContaining({ kind: "CONFLICT", message: "张三的申报已被其他管理员处理，请刷新后重试" }));
  });
});

describe("nobody decides their own case (isOwnCase, planBatch's isOwn)", () => {
  const rows = [
    { id: "a", status: "PENDING", parties: ["p1", "d1"] },
    { id: "b", status: "PENDING", parties: ["me", "d2"] },
    { id: "c", status: "APPROVED", parties: ["p3", "me"] },
    { id: "d", status: "APPROVED", parties: ["p4", "d4"] },
  ];

  it.each<[string, readonly (string | null | undefined)[], boolean]>([
    ["the declarant", ["me", "other"], true],
    ["whoever declared it", ["other", "me"], true],
    ["neither", ["other", "another"], false],
    ["no parties recorded", [null, undefined], false],
    ["an empty account id never matches a missing party", [null], false],
  ])("%s", (_label, parties, own) => {
    expect(isOwnCase("me", parties)).toBe(own);
  });

  it("skips the caller's own rows as OWN_CASE before asking whether they still wait", () => {
    const plan = planBatch(["a", "b", "c", "d"], rows, { isWaiting: (r) => r.status === "PENDING", isOwn: (r) => isOwnCase("me", r.parties), notFound: "x" });
    expect(plan.waiting.map((r) => r.id)).toEqual(["a"]);
    expect(plan.skipped.map(({ row, reason }) => [row.id, reason])).toEqual([
      ["b", "OWN_CASE"],
      ["c", "OWN_CASE"],
      ["d", "ALREADY_DECIDED"],
    ]);
    expect(batchOutcome(plan, (r) => `${r.id}的申报`).skipped.map((s) => s.message)).toEqual([OWN_CASE_MESSAGE, OWN_CASE_MESSAGE, ALREADY_DECIDED_MESSAGE]);
  });

  it("a single decision on one's own case is FORBIDDEN, not a CONFLICT to retry", () => {
    const own = batchOutcome(
      planBatch(["b"], rows, { isWaiting: () => true, isOwn: (r) => isOwnCase("me", r.parties), notFound: "x" }),
      (r) => `${r.id}的申报`,
    );
    expect(() => requireDecided(own)).toThrow(`b的申报${OWN_CASE_MESSAGE}`);
    expect(() => requireDecided(own)).toThrow(expect.objectContaining({ kind: "FORBIDDEN" }));
  });
});
