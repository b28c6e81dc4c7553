import { describe, expect, it } from "vitest";
import { ATTACHMENT_SIZE_MESSAGE, ATTACHMENT_TYPE_MESSAGE, FILE_NAME_SHOWN_CHARS, fileRefusal } from "./files.ts";

describe("fileRefusal: every refused upload names its file and says why", () => {
  it.each([
    { name: "证明.pdf", reason: ATTACHMENT_TYPE_MESSAGE, says: `文件“证明.pdf”：${ATTACHMENT_TYPE_MESSAGE}` },
    { name: "scan 2024.png", reason: ATTACHMENT_SIZE_MESSAGE, says: `文件“scan 2024.png”：${ATTACHMENT_SIZE_MESSAGE}` },
    { name: "名单.xls", reason: "不支持 Excel 97-2003（.xls）文件", says: "文件“名单.xls”：不支持 Excel 97-2003（.xls）文件" },
    { name: "  a\n b.png ", reason: "x", says: "文件“a b.png”：x" },
    { name: "", reason: ATTACHMENT_TYPE_MESSAGE, says: ATTACHMENT_TYPE_MESSAGE },
    { name: "   ", reason: ATTACHMENT_TYPE_MESSAGE, says: ATTACHMENT_TYPE_MESSAGE },
  ])("$name → $says", ({ name, reason, says }) => {
    expect(fileRefusal(name, reason)).toBe(says);
  });

  it("shortens a long name in the middle, keeping its start and its extension", () => {
    const name = `${"很长的文件名".repeat(20)}最后.jpeg`;
    const message = fileRefusal(name, "附件大小不能超过4M");
    const shown = message.slice("文件“".length, message.indexOf("”："));
    expect(Array.from(shown)).toHaveLength(FILE_NAME_SHOWN_CHARS);
    expect(shown.startsWith("很长的文件名")).toBe(true);
    expect(shown.endsWith("最后.jpeg")).toBe(true);
    expect(shown).toContain("…");
  });

  it("names a file once, however many layers pass the message on", () => {
    const once = fileRefusal("证明.pdf", ATTACHMENT_TYPE_MESSAGE);
    expect(fileRefusal("证明.pdf", once)).toBe(once);
  });
});
