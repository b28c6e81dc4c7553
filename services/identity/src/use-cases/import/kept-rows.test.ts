import { gzipSync } from "node:zlib";
import { maskIdNumber, maskPhone } from "@ce/contracts";
import { describe, expect, it } from "vitest";
import type { ImportedPerson } from "../../domain/import/row.ts";
import { type KeptRow, KeptRowsUnreadable, KeptRowsWriter, keptPerson, keptRows } from "./kept-rows.ts";

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
  const bytes = await writer.finish();
  const back: KeptRow[] = [];
  for await (const r of keptRows(bytes)) back.push(r);
  return back;
}

const drain = async (bytes: Uint8Array) => {
  for await (const _ of keptRows(bytes));
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

  it("keep 20,000 rows in a few hundred KB at most per 1,000 rows", async () => {
    const writer = new KeptRowsWriter();
    for (let i = 0; i < 20_000; i++) await writer.add(i % 10 === 0 ? null : keptPerson(pii, person(i % 1000)));
    const bytes = await writer.finish();
    expect(writer.rows).toBe(20_000);
    expect(bytes.length).toBeLessThan(20 * 300 * 1024);
    let n = 0;
    for await (const _ of keptRows(bytes)) n++;
    expect(n).toBe(20_000);
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
    await expect(drain(bytes)).rejects.toBeInstanceOf(KeptRowsUnreadable);
  });
});
