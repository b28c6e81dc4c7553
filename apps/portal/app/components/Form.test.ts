import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { unshownErrors } from "./Form.tsx";

// The CSRF token and the multipart rules hold only if every page goes through the shared pieces.
const appDir = fileURLToPath(new URL("../", import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sources(full);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [full] : [];
  });
}

const files = sources(appDir).map((f) => ({ file: path.relative(appDir, f), text: readFileSync(f, "utf8") }));

describe("every form of the portal", () => {
  it.each([
    [
      "imports Remix's Form (use components/Form.tsx, which adds the CSRF token)",
      /import\s*\{[^}]*\bForm\b[^}]*\}\s*from\s*"@remix-run\/react"/,
      ["components/Form.tsx"],
    ],
    ["renders a bare <form> (it would post without the CSRF token)", /<form[\s>]/, []],
    ["posts through a fetcher's Form (fetcher.Form carries no token)", /\.Form\b[^>]*method=\{?["']post/i, []],
    ["submits by script (useSubmit / fetcher.submit bypass the form's hidden token)", /\buseSubmit\b|\.submit\(/, []],
    ["reads a body with request.formData() (a malformed body would be a 500; use readTextForm / readForm)", /request\.formData\(\)/, []],
    [
      "parses multipart itself (use readForm in utils/form-data.server.ts)",
      /unstable_parseMultipartFormData|parseMultipartFormData/,
      ["utils/form-data.server.ts"],
    ],
  ])("no source file %s", (_what, pattern, allowed) => {
    const offenders = files.filter((f) => pattern.test(f.text) && !allowed.includes(f.file.split(path.sep).join("/"))).map((f) => f.file);
    expect(offenders).toEqual([]);
  });

  it("reads every multipart form with readForm", () => {
    const multipart = files.filter((f) => f.text.includes('encType="multipart/form-data"'));
    expect(multipart.length).toBeGreaterThanOrEqual(2);
    for (const f of multipart) {
      // The form's action lives in the route, or (人员调转) in a server helper next to it.
      const readers = files.filter((g) => g.text.includes("readForm(request") && (g.file === f.file || g.text.includes(path.basename(f.file, ".tsx"))));
      expect(
        readers.map((g) => g.file),
        f.file,
      ).not.toEqual([]);
    }
  });
});

describe("unshownErrors", () => {
  const shown = (name: string) => ["phone", "reason"].includes(name);
  it.each([
    ["nothing wrong", undefined, []],
    ["errors only on shown fields", { phone: ["请输入电话"] }, []],
    ["the whole form's errors (shown by the form already)", { "": ["系统繁忙"] }, []],
    ["an error on a field the page has no place for", { attachment: ["Invalid input"] }, ["Invalid input"]],
    ["the same message on two hidden fields, once", { a: ["有误"], b: ["有误", "太长"] }, ["有误", "太长"]],
    ["a nested hidden field", { "details.days": ["请填写天数"], phone: ["x"] }, ["请填写天数"]],
    ["an empty list", { attachment: [] }, []],
  ])("%s", (_what, errors, expected) => {
    expect(unshownErrors(errors, shown)).toEqual(expected);
  });
});
