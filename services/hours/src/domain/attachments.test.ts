import { describe, expect, it } from "vitest";
import { ATTACHMENT_TYPE_MESSAGE, checkAttachment, detectImageType, MAX_ATTACHMENT_BYTES } from "@ce/contracts";

const bytes = (...head: number[]) => Uint8Array.from([...head, ...new Array(40).fill(0)]);

describe("detectImageType", () => {
  it("recognises jpg, png, gif and bmp by their magic bytes", () => {
    expect(detectImageType(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe("jpg");
    expect(detectImageType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a))).toBe("png");
    expect(detectImageType(bytes(0x47, 0x49, 0x46, 0x38, 0x39, 0x61))).toBe("gif");
    expect(detectImageType(bytes(0x47, 0x49, 0x46, 0x38, 0x37, 0x61))).toBe("gif");
    expect(detectImageType(bytes(0x42, 0x4d))).toBe("bmp");
  });

  it("refuses a Windows program renamed to .png", () => {
    expect(detectImageType(bytes(0x4d, 0x5a, 0x90, 0x00))).toBeNull();
    expect(() => checkAttachment(bytes(0x4d, 0x5a, 0x90, 0x00))).toThrow(ATTACHMENT_TYPE_MESSAGE);
  });

  it("refuses a PDF and a text file", () => {
    expect(detectImageType(new TextEncoder().encode("%PDF-1.7 ...................................."))).toBeNull();
    expect(detectImageType(new TextEncoder().encode("hello"))).toBeNull();
  });
});

describe("checkAttachment", () => {
  it("accepts exactly 4 MB and refuses one byte more", () => {
    const max = new Uint8Array(MAX_ATTACHMENT_BYTES);
    max.set([0xff, 0xd8, 0xff]);
    expect(checkAttachment(max)).toBe("jpg");
    const over = new Uint8Array(MAX_ATTACHMENT_BYTES + 1);
    over.set([0xff, 0xd8, 0xff]);
    expect(() => checkAttachment(over)).toThrow("附件大小不能超过4M");
  });

  it("refuses an empty file", () => {
    expect(() => checkAttachment(new Uint8Array())).toThrow("附件不能为空文件");
  });
});
