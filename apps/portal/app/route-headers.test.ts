// A page route (one with a component) whose loader answers with headers must export `headers`,
// or Remix drops them on the document request (issue 11 probe fault 12: /verify/<code> went out
// without its Cache-Control: no-store). Resource routes (no component) answer with their own
// Response, headers included. A static check over every route file, so a new one cannot forget.
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const dir = fileURLToPath(new URL("./routes/", import.meta.url));
const routes = readdirSync(dir).filter((f) => /\.tsx?$/.test(f));

describe("page routes that set headers in their loader export headers", () => {
  const pages = routes.filter((f) => /export default function/.test(readFileSync(`${dir}${f}`, "utf8")));
  const setting = pages.filter(
    // `data(…, { headers })`, `{ status, headers: … }` or a `headers` taken from a helper's answer.
    (f) => /\bheaders\b\s*[:,}]/.test(readFileSync(`${dir}${f}`, "utf8")) && /\bdata\(/.test(readFileSync(`${dir}${f}`, "utf8")),
  );

  it("finds the pages that set headers (the check is not vacuous)", () => {
    expect(setting).toEqual(expect.arrayContaining(["verify.$code.tsx", "reset-password.tsx"]));
  });

  it.each(setting)("%s exports headers", (file) => {
    expect(readFileSync(`${dir}${file}`, "utf8")).toMatch(/export (const|function) headers\b|export \{[^}]*\bheaders\b/);
  });
});
