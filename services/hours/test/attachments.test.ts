// 学时申报 附件 end to end: an upload is stored only if it decodes, what is stored and served is the
// re-encoded image, and a blob exists only for a committed declaration.
import { createHash } from "node:crypto";
import { type DeclareInput, ATTACHMENT_TYPE_MESSAGE as TYPE } from "@ce/contracts";
import { sampleImages, serviceClient } from "@ce/service-kit/testing";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import type { HoursRouter } from "../src/routers/index.ts";
import { jobTrainingClaim } from "./support/claims.ts";
import { adminOf, bus, jinan, useHoursWorld } from "./support/world.ts";

const world = useHoursWorld("hoursattach", () => new Date("2026-06-15T08:00:00Z"));
const client = (token?: string) => serviceClient<HoursRouter>(world.app.url, token);
const b64 = (bytes: Uint8Array | string) => Buffer.from(bytes).toString("base64");
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

const declare = (attachments: DeclareInput["attachments"]): DeclareInput => jobTrainingClaim({ requestedHours: 1, attachments });

let png: Uint8Array, jpegWithGps: Uint8Array, bmp: Uint8Array;
beforeAll(async () => {
  ({ png, jpegWithGps, bmp } = await sampleImages());
});

/** Everything a declaration can leave behind: its rows and its blobs. */
const traces = async () => ({
  declarations: await world.app.db.declaration.count(),
  attachments: await world.app.db.attachment.count(),
  blobs: (await world.app.attachments.names()).length,
});

const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: { data?: { code?: string; fieldErrors?: Record<string, string[]> } }) => e.data ?? {},
  );

describe("a refused upload writes nothing", () => {
  // Each row: the files of one declaration; one of them does not decode (or is too big / empty), and the refusal names it.
  const rows: Array<{ name: string; files: () => DeclareInput["attachments"]; message: string }> = [
    {
      name: "the 98-byte text “BMW 车辆说明…”",
      files: () => [{ name: "说明.bmp", contentBase64: b64(Buffer.from("BMW 车辆说明：".padEnd(60, "。")).subarray(0, 98)) }],
      message: `文件“说明.bmp”：${TYPE}`,
    },
    { name: "a PNG cut short", files: () => [{ name: "证书.png", contentBase64: b64(png.subarray(0, png.length - 16)) }], message: `文件“证书.png”：${TYPE}` },
    {
      name: "an SVG with a script",
      files: () => [{ name: "证书.png", contentBase64: b64('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>') }],
      message: `文件“证书.png”：${TYPE}`,
    },
    {
      name: "a program renamed .jpg",
      files: () => [{ name: "证书.jpg", contentBase64: b64(Buffer.concat([Buffer.from("MZ\x90\x00"), Buffer.alloc(512)])) }],
      message: `文件“证书.jpg”：${TYPE}`,
    },
    {
      name: "a good image then a bad one (the good one is not stored either)",
      files: () => [
        { name: "a.png", contentBase64: b64(png) },
        { name: "b.gif", contentBase64: b64("GIF89a=alert(1)//") },
      ],
      message: `文件“b.gif”：${TYPE}`,
    },
    { name: "an empty file", files: () => [{ name: "空.png", contentBase64: "" }], message: "文件“空.png”：附件不能为空文件" },
  ];
  it.each(rows)("$name", async ({ files, message }) => {
    const before = await traces();
    const e = await failure(client(await adminOf(world, bus)).declarations.declare.mutate(declare(files())));
    expect(e).toMatchObject({ code: "BAD_REQUEST", fieldErrors: { attachments: [message] } });
    expect(await traces()).toEqual(before);
  });
});

describe("an accepted upload is stored and served re-encoded", () => {
  // Each row: an upload, and the name and type its record shows; strings that must not survive.
  const rows: Array<{ name: string; upload: () => { name: string; bytes: Uint8Array }; shows: { name: string; contentType: string }; absent: string[] }> = [
    {
      name: "a PNG with a ZIP appended",
      upload: () => ({ name: "证书.png", bytes: Buffer.concat([png, Buffer.from("PK\x03\x04payload.js")]) }),
      shows: { name: "证书.png", contentType: "image/png" },
      absent: ["PK\x03\x04"],
    },
    {
      name: "a JPEG with EXIF GPS",
      upload: () => ({ name: "证书.jpeg", bytes: jpegWithGps }),
      shows: { name: "证书.jpeg", contentType: "image/jpeg" },
      absent: ["Exif", "OWNER-SECRET"],
    },
    {
      name: "a BMP (stored as PNG, named so)",
      upload: () => ({ name: "扫描件.bmp", bytes: bmp }),
      shows: { name: "扫描件.png", contentType: "image/png" },
      absent: [],
    },
    {
      name: "a PNG named .jpg (named by what it is)",
      upload: () => ({ name: "证书.jpg", bytes: png }),
      shows: { name: "证书.png", contentType: "image/png" },
      absent: [],
    },
  ];
  it.each(rows)("$name", async ({ upload, shows, absent }) => {
    const { name, bytes } = upload();
    const d = await client(await adminOf(world, bus)).declarations.declare.mutate(declare([{ name, contentBase64: b64(bytes) }]));
    const [meta] = d.attachments;
    expect(meta).toMatchObject(shows);
    const file = await client(await adminOf(world, jinan)).attachments.get.query({ attachmentId: meta!.id });
    const served = new Uint8Array(Buffer.from(file.contentBase64, "base64"));
    expect({ name: file.name, contentType: file.contentType, size: file.size, sha256: file.sha256 }).toEqual({
      ...shows,
      size: served.length,
      sha256: sha256(served),
    });
    expect((await sharp(served).metadata()).format).toBe(shows.contentType === "image/png" ? "png" : "jpeg");
    for (const s of absent) expect(Buffer.from(served).includes(Buffer.from(s, "latin1")), s).toBe(false);
    expect(await world.app.attachments.names()).toContain(meta!.id);
  });
});

describe("a blob exists only for a committed declaration", () => {
  it("a declaration failing inside its transaction leaves no blob behind", async () => {
    // A failure after the upload, inside the transaction: the attachment insert is refused by the database.
    await world.app.db.$executeRawUnsafe(
      `CREATE FUNCTION hours.fail_attachment() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'forced failure'; END $$`,
    );
    await world.app.db.$executeRawUnsafe(
      `CREATE TRIGGER fail_attachment BEFORE INSERT ON hours.attachment FOR EACH ROW EXECUTE FUNCTION hours.fail_attachment()`,
    );
    try {
      const before = await traces();
      const e = await failure(
        client(await adminOf(world, bus)).declarations.declare.mutate(
          declare([
            { name: "a.png", contentBase64: b64(png) },
            { name: "b.bmp", contentBase64: b64(bmp) },
          ]),
        ),
      );
      expect(e).not.toBeNull();
      expect(await traces()).toEqual(before);
    } finally {
      await world.app.db.$executeRawUnsafe(`DROP TRIGGER fail_attachment ON hours.attachment`);
      await world.app.db.$executeRawUnsafe(`DROP FUNCTION hours.fail_attachment()`);
    }
  });

  it("the sweep removes a blob whose declaration never committed (crash between write and commit)", async () => {
    const d = await client(await adminOf(world, bus)).declarations.declare.mutate(declare([{ name: "证书.png", contentBase64: b64(png) }]));
    // What a process that died before COMMIT leaves: a blob no row names.
    await world.app.attachments.commitWith(
      [{ id: "00000000-0000-4000-8000-00000000dead", originalName: "x.png", contentType: "image/png", size: png.length, sha256: sha256(png), bytes: png }],
      async () => "died",
    );
    expect(await world.app.attachments.sweepOrphans(new Date())).toEqual([]);
    const swept = await world.app.attachments.sweepOrphans(new Date(Date.now() + 2 * 60 * 60 * 1000));
    expect(swept).toContain("00000000-0000-4000-8000-00000000dead");
    expect(swept).not.toContain(d.attachments[0]!.id);
    expect(await world.app.attachments.names()).toContain(d.attachments[0]!.id);
  });
});
