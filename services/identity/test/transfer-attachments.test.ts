// 人员调转 附件 end to end: an upload is stored only if it decodes, what is stored and served is the
// re-encoded image, and a blob exists only for a committed transfer.
import { createHash } from "node:crypto";
import { ATTACHMENT_TYPE_MESSAGE as TYPE } from "@ce/contracts";
import { sampleImages } from "@ce/service-kit/testing";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootIdentity, failure, type TestIdentity } from "./support/boot.ts";

let t: TestIdentity;
let token: string;
let png: Uint8Array, jpegWithGps: Uint8Array, bmp: Uint8Array;

beforeAll(async () => {
  t = await bootIdentity("transferfiles");
  token = (await t.login(t.fixture.logins.jnBus)).token;
  ({ png, jpegWithGps, bmp } = await sampleImages());
});
afterAll(async () => {
  await t?.app.deps.transferAttachments.destroy();
  await t?.cleanup();
});

const api = () => t.client({ token }).transfers;
const upload = (name: string, bytes: Uint8Array | string) => ({ name, base64: Buffer.from(bytes).toString("base64") });
const form = (accountId: string, attachment?: { name: string; base64: string }, toUnitId = t.fixture.units.qdMetro.id) => ({
  accountId,
  toUnitId,
  contactPhone: "0531-88889999",
  reason: "工作调动",
  attachment,
});
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
const traces = async () => ({ transfers: await t.app.db.transfer.count(), blobs: (await t.app.deps.transferAttachments.names()).length });

describe("a refused upload writes nothing", () => {
  const rows: Array<{ name: string; file: () => { name: string; base64: string }; message: string }> = [
    { name: "the 98-byte text “BMW 车辆说明…”", file: () => upload("调令.bmp", Buffer.from("BMW 车辆说明：".padEnd(60, "。")).subarray(0, 98)), message: TYPE },
    { name: "a BMP header with no pixels", file: () => upload("调令.bmp", bmp.subarray(0, 60)), message: TYPE },
    { name: "a JPEG cut in half", file: () => upload("调令.jpg", jpegWithGps.subarray(0, jpegWithGps.length >> 1)), message: TYPE },
    { name: "a WebP", file: () => upload("调令.webp", Buffer.from("RIFF\x24\x00\x00\x00WEBPVP8 ")), message: TYPE },
    { name: "an HTML page named .png", file: () => upload("调令.png", "<!doctype html><script>fetch('/')</script>"), message: TYPE },
    { name: "an empty file", file: () => upload("调令.png", ""), message: "附件不能为空文件" },
  ];
  it.each(rows)("$name", async ({ file, message }) => {
    const p = await t.fixture.newProfessional();
    const before = await traces();
    // Which file, then why (contracts fileRefusal).
    const refused = file();
    expect(await failure(api().create.mutate(form(p.accountId, refused)))).toMatchObject({
      code: "BAD_REQUEST",
      fieldErrors: { attachment: [`文件“${refused.name}”：${message}`] },
    });
    expect(await traces()).toEqual(before);
  });
});

describe("an accepted upload is stored and served re-encoded", () => {
  const rows: Array<{ name: string; file: () => { name: string; base64: string }; shows: { name: string; type: string }; absent: string[] }> = [
    {
      name: "a PNG with a script appended",
      file: () => upload("调令.png", Buffer.concat([png, Buffer.from("<script>alert(1)</script>")])),
      shows: { name: "调令.png", type: "image/png" },
      absent: ["<script>"],
    },
    {
      name: "a JPEG with EXIF GPS",
      file: () => upload("调令.jpg", jpegWithGps),
      shows: { name: "调令.jpg", type: "image/jpeg" },
      absent: ["Exif", "OWNER-SECRET"],
    },
    { name: "a BMP (stored as PNG, named so)", file: () => upload("调令.bmp", bmp), shows: { name: "调令.png", type: "image/png" }, absent: [] },
  ];
  it.each(rows)("$name", async ({ file, shows, absent }) => {
    const p = await t.fixture.newProfessional();
    const { id } = await api().create.mutate(form(p.accountId, file()));
    const row = await t.app.db.transfer.findUniqueOrThrow({ where: { id } });
    const served = await api().attachment.query({ transferId: id });
    const bytes = new Uint8Array(Buffer.from(served.base64, "base64"));
    expect({ name: served.name, type: served.type }).toEqual(shows);
    expect({ size: row.attachmentSize, sha256: row.attachmentSha256, type: row.attachmentType }).toEqual({
      size: bytes.length,
      sha256: sha256(bytes),
      type: shows.type,
    });
    expect((await sharp(bytes).metadata()).exif).toBeUndefined();
    for (const s of absent) expect(Buffer.from(bytes).includes(Buffer.from(s, "latin1")), s).toBe(false);
  });
});

describe("a blob exists only for a committed transfer", () => {
  // Each row: a transfer that fails inside its transaction, after its attachment was decoded and written.
  it.each([
    {
      name: "a second pending transfer for the same person (CONFLICT)",
      second: (accountId: string) => form(accountId, upload("调令.png", png)),
      code: "CONFLICT",
    },
    {
      name: "a transfer to the person's own unit (BAD_REQUEST)",
      second: (accountId: string) => form(accountId, upload("调令.png", png), t.fixture.units.jnBus.id),
      code: "BAD_REQUEST",
    },
  ])("$name leaves no blob behind", async ({ second, code }) => {
    const p = await t.fixture.newProfessional();
    if (code === "CONFLICT") await api().create.mutate(form(p.accountId));
    const before = await traces();
    expect((await failure(api().create.mutate(second(p.accountId)))).code).toBe(code);
    expect(await traces()).toEqual(before);
  });

  it("the sweep removes a blob whose transfer never committed, and keeps committed ones", async () => {
    const p = await t.fixture.newProfessional();
    const { id } = await api().create.mutate(form(p.accountId, upload("调令.png", png)));
    const key = (await t.app.db.transfer.findUniqueOrThrow({ where: { id } })).attachmentKey!;
    const store = t.app.deps.transferAttachments;
    const orphan = { key: "00000000-0000-4000-8000-0000000000aa", name: "x.png", contentType: "image/png", size: png.length, sha256: sha256(png), bytes: png };
    await store.commitWith(orphan, async () => "the process dies before COMMIT");
    const swept = await store.sweepOrphans(new Date(Date.now() + 2 * 60 * 60 * 1000));
    expect(swept).toContain(orphan.key);
    expect(swept).not.toContain(key);
    expect(await store.names()).toContain(key);
  });
});
