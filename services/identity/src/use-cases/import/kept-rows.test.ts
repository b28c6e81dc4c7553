import { gunzipSync, gzipSync } from "node:zlib";
import { maskIdNumber, maskPhone } from "@ce/contracts";
import { describe, expect, it } from "vitest";
import type { ImportedPerson } from "../../domain/import/row.ts";
import { KEPT_PART_ROWS, type KeptRow, KeptRowsUnreadable, KeptRowsWriter, keptPerson, keptRows } from "./kept-rows.ts";

const pii = { encrypt: (s: string) => `enc(${[...s].reverse().join("")})`, blindIndex: (t: string, n: string) => `h(${t}:${n.length})` };
const person = (n: number): ImportedPerson => ({
  idType: "RESIDENT_ID",
  idNumber: `37010219800101${String(n).padStart(3, "0")}X`,
  name: `导入${n}`,
  phone: `1380000${String(n).padStart(4, "0")}`,
  email: `p${n}@example.com`,
  departmentId: null,
  education: "本科",
  titleSeries: "工程技术",
  titleLevel: "中级",
  qualification: null,
  major: "道路",
  certificateNo: null,
});

async function roundTrip(rows: readonly KeptRow[]): Promise<KeptRow[]> {
  const writer = new KeptRowsWriter();
  for (const r of rows) await writer.add(r);
  const parts = await writer.finish();
  const back: KeptRow[] = [];
  for await (const r of keptRows(parts)) back.push(r);
  return back;
}

const drain = async (parts: Uint8Array[]) => {
  for await (const _ of keptRows(parts));
};

describe("kept rows between 校验 and 导入", () => {
  it("come back in order: people, 重复 and 有错误 rows", async () => {
    const rows: KeptRow[] = [keptPerson(pii, person(1)), null, "repeat", keptPerson(pii, person(2))];
    expect(await roundTrip(rows)).toEqual(rows);
  });

  it("hold the ID number and phone only encrypted, masked and blind-indexed", () => {
    const kept = keptPerson(pii, person(7));
    const text = JSON.stringify(kept);
    expect(text).not.toContain(person(7).idNumber);
    expect(text).not.toContain(person(7).phone);
    expect(kept).toMatchObject({ idNumberMasked: maskIdNumber(person(7).idNumber), phoneMasked: maskPhone(person(7).phone), name: "导入7" });
  });

  it("keep 20,000 rows in a few hundred KB at most per 1,000 rows, in parts of KEPT_PART_ROWS whole lines", async () => {
    const writer = new KeptRowsWriter();
    for (let i = 0; i < 20_000; i++) await writer.add(i % 10 === 0 ? null : keptPerson(pii, person(i % 1000)));
    const parts = await writer.finish();
    expect(writer.rows).toBe(20_000);
    expect(parts.reduce((n, p) => n + p.length, 0)).toBeLessThan(20 * 300 * 1024);
    // Each part is a gzip member of its own, of whole lines.
    expect(parts.map((p) => gunzipSync(p).toString().split("\n").filter(Boolean).length)).toEqual([5_000, 5_000, 5_000, 5_000]);
    let n = 0;
    for await (const _ of keptRows(parts)) n++;
    expect(n).toBe(20_000);
  });

  it.each([
    [0, 0],
    [1, 1],
    [KEPT_PART_ROWS - 1, 1],
    [KEPT_PART_ROWS, 1],
    [KEPT_PART_ROWS + 1, 2],
    [2 * KEPT_PART_ROWS + 7, 3],
  ])("%i rows are kept in %i parts and come back in order", async (count, partCount) => {
    const rows: KeptRow[] = Array.from({ length: count }, (_, i) => (i % 3 === 0 ? null : i % 3 === 1 ? "repeat" : keptPerson(pii, person(i % 1000))));
    const writer = new KeptRowsWriter();
    for (const r of rows) await writer.add(r);
    const parts = await writer.finish();
    expect(parts).toHaveLength(partCount);
    const back: KeptRow[] = [];
    for await (const r of keptRows(parts)) back.push(r);
    expect(back).toEqual(rows);
  });

  it("name the line across parts when a later part is broken", async () => {
    const writer = new KeptRowsWriter();
    for (let i = 0; i < KEPT_PART_ROWS; i++) await writer.add(null);
    const [first] = await writer.finish();
    await expect(drain([first as Buffer, gzipSync("null\n{oops\n")])).rejects.toThrow(`kept import row ${KEPT_PART_ROWS + 2} is not JSON`);
  });

  it.each([
    ["not gzip", Buffer.from("PK\u0003\u0004 an xlsx kept the old way")],
    ["a line that is not JSON", gzipSync("null\n{oops\n")],
    ["a person without its blind index", gzipSync(`${JSON.stringify({ ...keptPerson(pii, person(1)), idNumberHash: undefined })}\n`)],
    [
      "a person kept before numberHashes (a job queued across the upgrade)",
      gzipSync(`${JSON.stringify({ ...keptPerson(pii, person(1)), numberHashes: undefined })}\n`),
    ],
    ["a person with too few number hashes", gzipSync(`${JSON.stringify({ ...keptPerson(pii, person(1)), numberHashes: ["x"] })}\n`)],
    ["a clear ID number instead of a kept person", gzipSync(`${JSON.stringify(person(1))}\n`)],
    ["another word than repeat", gzipSync('"skip"\n')],
  ])("refuse %s with KeptRowsUnreadable", async (_, bytes) => {
    await expect(drain([bytes])).rejects.toBeInstanceOf(KeptRowsUnreadable);
  });
});
