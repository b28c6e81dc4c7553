import { CREDIT_CODE_MISMATCH_CONFIRMED_LABEL } from "@ce/contracts";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { CodeChange } from "./CreditCodeConfirm.tsx";

const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .trim();

// 审核机构信息修改: the reviewer reads both codes in the cell, and the flag sits with the new one.
describe("CodeChange shows what the applicant asked for", () => {
  it.each([
    [{ oldCode: "91370100MA3C0AAA1X", newCode: "91370100MA3C0BBB2Y", mismatch: false }, "原代码 91370100MA3C0AAA1X → 改为 新代码 91370100MA3C0BBB2Y"],
    [
      { oldCode: "91370100MA3C0AAA1X", newCode: "91350203M0001QKT19", mismatch: true },
      `原代码 91370100MA3C0AAA1X → 改为 新代码 91350203M0001QKT19 ${CREDIT_CODE_MISMATCH_CONFIRMED_LABEL}`,
    ],
    [{ oldCode: null, newCode: "123456789", mismatch: false }, "原代码 无 → 改为 新代码 123456789"],
    [{ oldCode: "", newCode: "12345678-9", mismatch: true }, `原代码 无 → 改为 新代码 12345678-9 ${CREDIT_CODE_MISMATCH_CONFIRMED_LABEL}`],
  ])("%j", (props, text) => {
    const html = renderToStaticMarkup(<CodeChange {...props} />);
    expect(textOf(html)).toBe(text);
    expect(html).not.toContain("title=");
    // The note follows the new code, never the old one.
    if (props.mismatch) expect(html.indexOf(CREDIT_CODE_MISMATCH_CONFIRMED_LABEL)).toBeGreaterThan(html.indexOf(props.newCode));
  });
});
