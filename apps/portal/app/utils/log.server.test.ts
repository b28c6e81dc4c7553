// The portal's log lines never carry a whole secret from a request URL (a reset token).
import { afterEach, describe, expect, it, vi } from "vitest";
import { logError, logWarn } from "./log.server.ts";

const TOKEN = "Q2hhbmdlTWVOb3dQbGVhc2VUaGlzSXNBU2VjcmV0VG9rZW4";
afterEach(() => vi.restoreAllMocks());

function captured(write: () => void): string {
  const lines: string[] = [];
  vi.spyOn(process.stderr, "write").mockImplementation((chunk) => {
    lines.push(String(chunk));
    return true;
  });
  write();
  return lines.join("");
}

describe("portal log lines", () => {
  it.each([
    { how: "logError", write: () => logError("request failed", new Error("boom"), { url: `http://localhost:3000/reset-password?token=${TOKEN}` }) },
    { how: "logWarn", write: () => logWarn("slow request", { url: `https://ce.example.org/reset-password?token=${TOKEN}&x=1` }) },
  ])("$how masks the query of a request URL", ({ write }) => {
    const out = captured(write);
    expect(out).toContain("reset-password?token=Q2hh…");
    expect(out).not.toContain(TOKEN);
  });
});
