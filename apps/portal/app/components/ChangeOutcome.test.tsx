import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ChangeOutcome } from "./ChangeOutcome.tsx";

// F25: the requester reads the outcome of their latest decided change request, in Beijing time.
describe("ChangeOutcome", () => {
  const sent = "2026-11-30T02:05:00.000Z"; // 10:05 in Beijing
  it.each([
    [
      "a 驳回 with its reason",
      { status: "REJECTED", reason: "请附职称证书后再申请" },
      "您于2026-11-30 10:05提交的修改申请已被驳回：请附职称证书后再申请",
      'role="alert"',
    ],
    ["a 驳回 without a reason", { status: "REJECTED", reason: null }, "您于2026-11-30 10:05提交的修改申请已被驳回。", 'role="alert"'],
    ["an approval", { status: "APPROVED", reason: null }, "您于2026-11-30 10:05提交的修改申请已审核通过。", 'role="status"'],
  ])("%s", (_, change, text, role) => {
    const html = renderToStaticMarkup(<ChangeOutcome what="修改申请" change={{ ...change, createdAt: sent }} />);
    expect(html).toContain(text);
    expect(html).toContain(role);
  });

  it("says nothing while none was decided", () => {
    expect(renderToStaticMarkup(<ChangeOutcome what="修改申请" change={null} />)).toBe("");
    expect(renderToStaticMarkup(<ChangeOutcome what="修改申请" change={{ status: "PENDING", reason: null, createdAt: sent }} />)).toBe("");
  });
});
