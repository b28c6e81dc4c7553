// Old clients and crawlers still ask in Remix's pre-single-fetch protocol (?_data=<route id>): a clean
// 404 before Remix, one level-30 line and no stack — the portal logged each as a level-50 error.
import { afterEach, describe, expect, it, vi } from "vitest";
import { handleError } from "../entry.server.tsx";
import { isLegacyDataRequest, legacyDataResponse } from "./legacy-data.server.ts";

afterEach(() => vi.restoreAllMocks());

/** The JSON log lines `act` writes to stderr. */
async function logged(act: () => unknown): Promise<Record<string, unknown>[]> {
  const lines: string[] = [];
  vi.spyOn(process.stderr, "write").mockImplementation((chunk) => {
    lines.push(String(chunk));
    return true;
  });
  await act();
  return lines
    .flatMap((l) => l.split("\n"))
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

const base = "http://127.0.0.1:3000";

describe("a legacy ?_data= request", () => {
  it.each([
    { url: "/?_data=root", legacy: true },
    { url: "/login?_data=routes%2Flogin", legacy: true },
    { url: "/hours/records?tab=APPROVED&_data=routes%2F_app.hours.records._index", legacy: true },
    { url: "/reset-password?token=abcdefghijklmnopqrst&_data=routes%2Freset-password", legacy: true },
    { url: "/?_data", legacy: true },
    { url: "/?_data=", legacy: true },
    { url: "/login", legacy: false },
    { url: "/login.data", legacy: false },
    { url: "/?_DATA=root", legacy: false },
    { url: "/_data?x=1", legacy: false },
    { url: "/stats/professionals?name=_data", legacy: false },
  ])("$url → legacy: $legacy", ({ url, legacy }) => {
    expect(isLegacyDataRequest(`${base}${url}`)).toBe(legacy);
    expect(legacyDataResponse(new Request(`${base}${url}`)) !== null).toBe(legacy);
  });

  it.each([
    { as: "an old Remix client (Accept */*)", accept: "*/*", type: "application/json" },
    { as: "a crawler or a browser navigating (Accept text/html)", accept: "text/html,application/xhtml+xml", type: "text/html; charset=utf-8" },
  ])("is answered 404 for $as, with one level-30 line and no stack", async ({ accept, type }) => {
    let response: Response | null = null;
    const lines = await logged(() => {
      response = legacyDataResponse(new Request(`${base}/hours/approvals?_data=routes%2F_app.hours.approvals._index`, { headers: { accept } }));
    });
    const answer = response as Response | null;
    expect(answer?.status).toBe(404);
    expect(answer?.headers.get("content-type")).toBe(type);
    expect(answer?.headers.get("cache-control")).toBe("no-store");
    expect(await answer?.text()).toContain("您访问的页面不存在");
    expect(lines).toEqual([
      expect.objectContaining({ level: 30, msg: "legacy ?_data request answered 404", method: "GET", route: "routes/_app.hours.approvals._index" }),
    ]);
    expect(JSON.stringify(lines)).not.toContain("stack");
  });

  it("reaching Remix's handleError (the Vite dev server has no wall) is one level-30 line, never a level-50 stack; other errors still are", async () => {
    const warning = new Error("Warning: Single fetch-enabled apps should not be making ?_data requests, this is likely to break in the future");
    const legacy = await logged(() => handleError(warning, { request: new Request(`${base}/?_data=root`) }));
    expect(legacy.map((l) => l.level)).toEqual([30]);
    expect(JSON.stringify(legacy)).not.toContain("stack");
    const real = await logged(() => handleError(new Error("boom"), { request: new Request(`${base}/hours/records`) }));
    expect(real).toEqual([
      expect.objectContaining({ level: 50, msg: "request failed", err: expect.objectContaining({ message: "boom", stack: expect.any(String) }) }),
    ]);
  });
});
