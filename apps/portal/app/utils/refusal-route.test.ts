import type { AppLoadContext } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { action, loader } from "../routes/refusal.ts";
import { isThrownData } from "./errors.server.ts";

const request = (accept = "*/*") => new Request("http://portal.test/refusal.data", { method: "POST", headers: { accept } });
const args = (context: AppLoadContext, accept?: string) => ({ request: request(accept), context, params: {} });

describe("routes/refusal: the wall's refusals, answered as Remix answers a thrown error", () => {
  it.each([
    [403, "页面已过期，请刷新页面后重试"],
    [403, "请求来自其他网站，已被拒绝"],
    [413, "提交的内容过大"],
    [500, "系统繁忙，请稍后再试"],
  ])("throws the wall's %i and its message for Remix to encode", (status, message) => {
    let thrown: unknown;
    try {
      action(args({ refusal: { status, message } }));
    } catch (e) {
      thrown = e;
    }
    expect(isThrownData(thrown)).toBe(true);
    expect(thrown).toMatchObject({ data: { message }, init: { status } });
  });

  it("answers 404 to a POST the wall did not send (no refusal in the load context), choosing no message of the caller's", async () => {
    const json = action(args({}));
    expect(json.status).toBe(404);
    expect(await json.json()).toEqual({ message: "您访问的内容不存在" });
    const page = action(args({ cspNonce: "n" }, "text/html"));
    expect(page.status).toBe(404);
    expect(await page.text()).toContain("您访问的内容不存在");
  });

  it("answers 404 to a GET", async () => {
    const res = (await loader({ request: new Request("http://portal.test/refusal"), context: {}, params: {} })) as Response;
    expect(res.status).toBe(404);
  });
});
