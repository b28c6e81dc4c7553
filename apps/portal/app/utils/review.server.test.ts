// The one batch-review action (review.server.ts) as every batch page uses it: the flash that names
// what was skipped, the 303 back to the same list, conform's reply for a refused form and a
// refused service call, each with its own status.
import { randomUUID } from "node:crypto";
import { ApprovalBatchDecision, type BatchOutcome, ReviewDecisionInput } from "@ce/contracts";
import { TRPCClientError } from "@trpc/client";
import { describe, expect, it, vi } from "vitest";
import { takeFlash } from "./flash.server.ts";
import { batchMessage, batchReviewAction } from "./review.server.ts";

const skip = (label: string, message = "已被其他管理员处理") => ({ id: randomUUID(), label, reason: "ALREADY_DECIDED" as const, message });
const decided = (n: number) => Array.from({ length: n }, (_, i) => ({ id: randomUUID(), label: `人员${i}的申报` }));

describe("batchMessage", () => {
  it.each<[string, BatchOutcome, string]>([
    ["all decided", { decided: decided(3), skipped: [] }, "已审核通过3条申报"],
    [
      "two decided first by another admin",
      { decided: decided(198), skipped: [skip("张三的申报"), skip("李四的申报")] },
      "已审核通过198条申报；2条已被其他管理员处理：张三的申报、李四的申报",
    ],
    [
      "two reasons",
      { decided: [], skipped: [skip("张三的申报"), skip("王五的申报", "已被申报人撤回"), skip("李四的申报")] },
      "已审核通过0条申报；2条已被其他管理员处理：张三的申报、李四的申报；1条已被申报人撤回：王五的申报",
    ],
  ])("%s", (_label, outcome, message) => {
    expect(batchMessage(`已审核通过${outcome.decided.length}条申报`, outcome)).toBe(message);
  });

  it("counts the names it cannot fit, so a flash of 200 long names stays within 500 characters", () => {
    const names = Array.from({ length: 200 }, (_, i) => `济南某某某某运输有限公司第${i}分公司`);
    const message = batchMessage("已审核通过0个单位", { decided: [], skipped: names.map((n) => skip(n)) });
    expect(message.length).toBeLessThanOrEqual(500);
    expect(message).toMatch(/^已审核通过0个单位；200条已被其他管理员处理：济南某某某某运输有限公司第0分公司、.*等200条$/);
  });
});

/** A batch form posted to `/hours/approvals?name=张&page=2`, as the browser sends it. */
function post(fields: [string, string][]): Request {
  const body = new URLSearchParams(fields);
  return new Request("http://portal.test/hours/approvals?name=%E5%BC%A0&page=2&index", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body,
  });
}
const serviceError = (code: string, message: string) =>
  new TRPCClientError(message, {
    result: { error: { code: -32600, message, data: { code, httpStatus: 404, path: "approvals.batchApprove", fieldErrors: null } } },
  });
const done = (v: { decision: string }, n: number) => (v.decision === "APPROVE" ? `已审核通过${n}条申报` : `已驳回${n}条申报`);

describe("batchReviewAction", () => {
  const [a, b] = [randomUUID(), randomUUID()];

  it("decides what was ticked and redirects back to the same list with a flash naming the skipped", async () => {
    const decide = vi.fn(async (): Promise<BatchOutcome> => ({ decided: [{ id: a, label: "张三的申报" }], skipped: [{ ...skip("李四的申报"), id: b }] }));
    const response = (await batchReviewAction(
      post([
        ["ids", a],
        ["ids", b],
        ["decision", "APPROVE"],
      ]),
      ApprovalBatchDecision,
      decide,
      done,
    )) as Response;
    expect(decide).toHaveBeenCalledWith({ decision: "APPROVE", ids: [a, b] });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/hours/approvals?name=%E5%BC%A0&page=2");
    const cookie = response.headers.get("set-cookie")?.split(";")[0] ?? "";
    const { flash } = await takeFlash(new Request("http://portal.test/", { headers: { cookie } }));
    expect(flash).toMatchObject({ tone: "info", message: "已审核通过1条申报；1条已被其他管理员处理：李四的申报" });
  });

  it.each<[string, [string, string][], Record<string, string[]>]>([
    ["no row ticked", [["decision", "APPROVE"]], { ids: ["请选择要审核的记录"] }],
    [
      "批量驳回 without a 驳回原因",
      [
        ["ids", a],
        ["decision", "REJECT"],
        ["reason", ""],
      ],
      { reasonCode: ["请选择驳回原因"] },
    ],
    [
      "驳回原因 其他 without its 驳回说明",
      [
        ["ids", a],
        ["decision", "REJECT"],
        ["reasonCode", "OTHER"],
      ],
      { reason: ["请填写驳回说明"] },
    ],
  ])("refuses %s with 400 and the message by its field, calling nothing", async (_label, fields, error) => {
    const decide = vi.fn();
    const reply = (await batchReviewAction(post(fields), ApprovalBatchDecision, decide, done)) as unknown as {
      init: { status: number };
      data: { result: { error: unknown } };
    };
    expect(reply.init.status).toBe(400);
    expect(reply.data.result.error).toEqual(error);
    expect(decide).not.toHaveBeenCalled();
  });

  it("answers a refusal of the service with its own status and message, the ticked rows kept", async () => {
    const decide = vi.fn(async () => {
      throw serviceError("NOT_FOUND", "所选记录不存在或不在本单位管辖范围内");
    });
    const reply = (await batchReviewAction(
      post([
        ["ids", a],
        ["decision", "REJECT"],
        ["reason", "资料不全"],
      ]),
      ReviewDecisionInput,
      decide,
      done,
    )) as unknown as {
      init: { status: number };
      data: { result: { error: Record<string, string[]>; initialValue: Record<string, unknown> } };
    };
    expect(reply.init.status).toBe(404);
    expect(reply.data.result.error).toEqual({ "": ["所选记录不存在或不在本单位管辖范围内"] });
    expect(reply.data.result.initialValue).toMatchObject({ ids: a, reason: "资料不全" });
  });
});
