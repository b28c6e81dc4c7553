// Control characters in a declaration and in the hours filters: a Chinese field error, never a 500, nothing written.

import { errorCode, rowCounts, serviceClient } from "@ce/service-kit/testing";
import { describe, expect, it } from "vitest";
import type { HoursRouter } from "../src/routers/index.ts";
import { claim } from "./support/matrix.ts";
import { refusal } from "./support/refusal.ts";
import { adminOf, bus, useHoursWorld } from "./support/world.ts";

const world = useHoursWorld("hourshostile", () => new Date("2026-06-15T08:00:00Z"));
const client = async () => serviceClient<HoursRouter>(world.app.url, await adminOf(world, bus));

describe("hostile text in hours", () => {
  // [field, how to poison the claim]
  const fields: [string, (bad: string) => Record<string, unknown>][] = [
    ["schoolName", (bad) => ({ schoolName: `培训${bad}中心` })],
    ["className", (bad) => ({ className: bad })],
    ["score", (bad) => ({ score: `合${bad}格` })],
    ["content", (bad) => ({ content: `学习${bad}内容` })],
    ["formCode", (bad) => ({ formCode: `JOB${bad}` })],
    ["attachments", (bad) => ({ attachments: [{ name: `证书${bad}.png`, contentBase64: claim().attachments[0]!.contentBase64 }] })],
    ["details", (bad) => ({ details: { days: `1${bad}` } })],
  ];

  it.each(fields)("refuses NUL and other controls in %s with a BAD_REQUEST field error and stores nothing", async (field, poison) => {
    const api = await client();
    for (const bad of ["\u0000", "\u0007", "\uDFFF", "\u202E"]) {
      const before = await rowCounts(world.app.db, "hours")();
      const error = await refusal(api.declarations.declare.mutate({ ...claim(), ...poison(bad) } as never));
      if (!("fieldErrors" in error)) throw new Error("expected the call to fail");
      expect(error.code).toBe("BAD_REQUEST");
      expect(Object.keys(error.fieldErrors ?? {}).join()).toContain(field);
      expect(
        Object.values(error.fieldErrors ?? {})
          .flat()
          .join(),
      ).toMatch(/[\u4e00-\u9fff]/);
      expect(await rowCounts(world.app.db, "hours")()).toBe(before);
    }
  });

  it("refuses NUL in the name filters instead of failing in PostgreSQL", async () => {
    const api = await client();
    expect(await errorCode(api.declarations.declarables.query({ name: "王\u0000" }))).toBe("BAD_REQUEST");
    expect(await errorCode(api.approvals.list.query({ name: "\u0000" }))).toBe("BAD_REQUEST");
    expect(await errorCode(api.forms.get.query({ code: "\u0000" }))).toBe("BAD_REQUEST");
  });

  it("files a declaration whose text holds emoji, rare characters and line breaks", async () => {
    const api = await client();
    const d = await api.declarations.declare.mutate({ ...claim(), schoolName: "𠀀培训中心😀", content: "第一行\r\n第二行" });
    expect(d.schoolName).toBe("𠀀培训中心😀");
    expect(d.content).toBe("第一行\n第二行");
  });
});
