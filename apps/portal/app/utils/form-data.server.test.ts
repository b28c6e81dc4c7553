import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formMessages, MAX_BODY_BYTES, MAX_FILE_NAME_CHARS, readForm, safeFileName } from "./form-data.server.ts";

const PNG = Buffer.from("89504e470d0a1a0a0000000d49484452", "hex");
const RULES = { attachment: { label: "附件", maxBytes: 4 * 1024 * 1024 } };
const B = "----formboundary";

/** A multipart body as bytes; `disposition` is written byte for byte (latin1), as a client might. */
function multipart(parts: { disposition: string; type?: string; body: Uint8Array | string }[], { end = true } = {}): Uint8Array<ArrayBuffer> {
  const chunks: Buffer[] = [];
  for (const p of parts) {
    chunks.push(Buffer.from(`--${B}\r\nContent-Disposition: form-data; ${p.disposition}\r\n${p.type ? `Content-Type: ${p.type}\r\n` : ""}\r\n`, "latin1"));
    chunks.push(typeof p.body === "string" ? Buffer.from(p.body, "utf8") : Buffer.from(p.body));
    chunks.push(Buffer.from("\r\n"));
  }
  if (end) chunks.push(Buffer.from(`--${B}--\r\n`));
  return new Uint8Array(Buffer.concat(chunks));
}

function post(body: BodyInit, contentType: string | null = `multipart/form-data; boundary=${B}`, headers: Record<string, string> = {}) {
  return new Request("http://portal.test/reviews/transfers", {
    method: "POST",
    headers: { ...(contentType ? { "content-type": contentType } : {}), ...headers },
    body,
    duplex: "half",
  } as RequestInit);
}

const withFile = (filenameAttr: string) =>
  post(
    multipart([
      { disposition: 'name="_csrf"', body: "tok.en" },
      { disposition: 'name="reason"', body: "工作调动" },
      { disposition: `name="attachment"; ${filenameAttr}`, type: "image/png", body: PNG },
    ]),
  );

describe("readForm: file names a browser or a script may send", () => {
  it.each([
    ["a plain name", 'filename="scan.png"', "scan.png"],
    ["a Chinese name in UTF-8", `filename="${Buffer.from("调转证明.png").toString("latin1")}"`, "调转证明.png"],
    ["a quote as browsers escape it (%22)", 'filename="a%22b.png"', "a_b.png"],
    ["a raw quote, as curl may send it", 'filename="a"b.png"', "a_b.png"],
    ["a backslash (a Windows path)", 'filename="C:\\Users\\li\\a.png"', "a.png"],
    ["a trailing backslash", 'filename="a\\"', "附件"],
    ["a newline as browsers escape it (%0A)", 'filename="a%0Ab.png"', "a_b.png"],
    ["a carriage return (%0D)", 'filename="a%0Db.png"', "a_b.png"],
    ["a NUL byte", 'filename="a\u0000b.png"', "a_b.png"],
    ["a percent sign", 'filename="100%.png"', "100%.png"],
    ["a path climbing up", 'filename="../../etc/passwd.png"', "passwd.png"],
    ["a hidden-file name", 'filename=".htaccess.png"', "htaccess.png"],
    ["bytes that are not UTF-8", 'filename="\u00ff\u00fe.png"', "_.png"],
    ["a GBK-encoded name (old browsers)", `filename="${Buffer.from([0xb8, 0xbd, 0xbc, 0xfe]).toString("latin1")}.png"`, "_.png"],
    ["nothing but unsafe characters", 'filename="<>|*?"', "附件"],
    ["an empty name with content", 'filename=""', "附件"],
  ])("keeps the file and makes %s safe", async (_what, attr, expected) => {
    const read = await readForm(withFile(attr), RULES);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.files.attachment?.map((f) => f.name)).toEqual([expected]);
    expect(read.files.attachment?.[0]?.size).toBe(PNG.length);
    expect(read.form.get("reason")).toBe("工作调动");
    expect(read.form.has("_csrf")).toBe(false);
    expect(read.form.has("attachment")).toBe(false);
  });

  it("cuts a 5,000-character name to 100 characters and keeps the extension", async () => {
    const read = await readForm(withFile(`filename="${"长".repeat(5000)}.png"`.replace(/长/g, Buffer.from("长").toString("latin1"))), RULES);
    expect(read.ok && read.files.attachment?.[0]?.name).toBe(`${"长".repeat(MAX_FILE_NAME_CHARS - 4)}.png`);
  });
});

describe("readForm: bodies that are wrong", () => {
  const onAttachment = (message: string) => ({ ok: false, fieldErrors: { attachment: [message] }, formErrors: [] });
  const big = new Uint8Array(4 * 1024 * 1024 + 1);
  it.each([
    ["text where the file belongs", post(multipart([{ disposition: 'name="attachment"', body: "not a file" }])), onAttachment(formMessages.notAFile)],
    [
      "a file where text belongs",
      post(multipart([{ disposition: 'name="reason"; filename="r.txt"', type: "text/plain", body: "x" }])),
      { ok: false, fieldErrors: { reason: [formMessages.notText] }, formErrors: [] },
    ],
    [
      "a file over 4 MB",
      post(multipart([{ disposition: 'name="attachment"; filename="a.png"', type: "image/png", body: big }])),
      onAttachment("文件“a.png”：附件大小不能超过4M"),
    ],
    [
      "two files over 4 MB, each by its name",
      post(
        multipart([
          { disposition: 'name="attachment"; filename="一.png"'.replace("一", Buffer.from("一").toString("latin1")), type: "image/png", body: big },
          { disposition: 'name="attachment"; filename="b.png"', type: "image/png", body: PNG },
          { disposition: 'name="attachment"; filename="c.jpg"', type: "image/jpeg", body: big },
        ]),
      ),
      { ok: false, fieldErrors: { attachment: ["文件“一.png”：附件大小不能超过4M", "文件“c.jpg”：附件大小不能超过4M"] }, formErrors: [] },
    ],
    [
      "a body announced over the limit",
      post("x", "application/x-www-form-urlencoded", { "content-length": String(MAX_BODY_BYTES + 1) }),
      onAttachment(formMessages.bodyTooLarge),
    ],
    ["garbage instead of multipart", post("garbage"), onAttachment(formMessages.unreadable)],
    [
      "a multipart body cut off",
      post(multipart([{ disposition: 'name="reason"', body: "x" }], { end: false }).subarray(0, 40)),
      onAttachment(formMessages.unreadable),
    ],
    [
      "multipart without a boundary",
      post(multipart([{ disposition: 'name="reason"', body: "x" }]), "multipart/form-data"),
      onAttachment(formMessages.unreadable),
    ],
    ["a JSON body", post('{"reason":"x"}', "application/json"), onAttachment(formMessages.unreadable)],
    ["no content type", post("reason=x", null), onAttachment(formMessages.unreadable)],
    ["a file name only in filename* (RFC 5987)", withFile("filename*=UTF-8''%E9%99%84.png"), onAttachment(formMessages.notAFile)],
  ])("answers %s with a Chinese field error", async (_what, request, expected) => {
    expect(await readForm(request, RULES)).toEqual(expected);
  });

  it("stops reading a streamed body once it is over the limit", async () => {
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += 1024 * 1024;
        controller.enqueue(new Uint8Array(1024 * 1024));
        if (sent > 2 * MAX_BODY_BYTES) controller.close();
      },
    });
    expect(await readForm(post(stream), RULES)).toEqual(onAttachment(formMessages.bodyTooLarge));
    expect(sent).toBeLessThan(MAX_BODY_BYTES + 4 * 1024 * 1024);
  });

  it("puts the error at the top of a form without file fields", async () => {
    expect(await readForm(post("garbage"))).toEqual({ ok: false, fieldErrors: {}, formErrors: [formMessages.unreadable] });
  });

  it("reads an urlencoded form and leaves out empty file parts (nothing chosen)", async () => {
    const url = await readForm(post("reason=%E8%B0%83%E5%8A%A8&_csrf=t.k", "application/x-www-form-urlencoded"), RULES);
    expect(url.ok && [url.form.get("reason"), url.form.has("_csrf"), url.files.attachment]).toEqual(["调动", false, []]);
    const empty = await readForm(post(multipart([{ disposition: 'name="attachment"; filename=""', type: "application/octet-stream", body: "" }])), RULES);
    expect(empty.ok && empty.files.attachment).toEqual([]);
  });
});

describe("safeFileName", () => {
  it("always gives a short, non-empty name without control, path or quoting characters, and is stable", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 400 }), (raw) => {
        const name = safeFileName(raw);
        expect(name.length).toBeGreaterThan(0);
        expect(Array.from(name).length).toBeLessThanOrEqual(MAX_FILE_NAME_CHARS);
        // biome-ignore lint/suspicious/noControlCharactersInRegex: asserting their absence
        expect(name).not.toMatch(/[\u0000-\u001f\u007f-\u009f"\\/:*?<>|\uFFFD]/);
        expect(name).not.toMatch(/^[.\s]/);
        expect(safeFileName(name)).toBe(name);
      }),
    );
  });
});
