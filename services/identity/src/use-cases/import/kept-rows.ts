// What the dry run keeps for its import (issue 12): not the uploaded file but its data rows as the
// dry run judged them — one line per data row, in file order, gzip-compressed NDJSON in parts of
// KEPT_PART_ROWS lines (each part a whole gzip member, stored as a row of its own): for a 可导入
// row its account and professional fields with the ID number and phone already encrypted, masked
// and blind-indexed; "repeat" for a 重复 row; `null` for a row with errors. The job then writes batches without reading
// the spreadsheet a second time, and no clear ID number or phone rests in the database between
// the two steps (the upload itself is never stored).
import { once } from "node:events";
import { createInterface } from "node:readline";
import { Readable } from "node:stream";
import { createGunzip, createGzip, type Gzip } from "node:zlib";
import { IdType, maskIdNumber, maskPhone } from "@ce/contracts";
import { z } from "zod";
import type { ImportedPerson } from "../../domain/import/row.ts";
import { blindIndexesOfNumber, type Pii } from "../../security/pii.ts";

/** A valid data row ready to be written: ImportedAccountRow without its id, ImportedProfessionalRow without its account. */
export const KeptPerson = z.object({
  idType: IdType,
  idNumberHash: z.string().min(1),
  /** The number's blind index under every 证件类型, in IdType.options order (the job's "registered anywhere" check). */
  numberHashes: z.array(z.string().min(1)).length(IdType.options.length),
  idNumberEnc: z.string().min(1),
  idNumberMasked: z.string().min(1),
  name: z.string().min(1),
  phoneEnc: z.string().min(1),
  phoneMasked: z.string().min(1),
  email: z.string(),
  departmentId: z.string().nullable(),
  education: z.string(),
  titleSeries: z.string(),
  titleLevel: z.string(),
  qualification: z.string().nullable(),
  major: z.string().nullable(),
  certificateNo: z.string().nullable(),
});
export type KeptPerson = z.infer<typeof KeptPerson>;

/** One kept data row: the person (可导入), "repeat" (重复), or null (有错误) — each counts as a data row. */
export type KeptRow = KeptPerson | "repeat" | null;

/**
 * A checked person as kept: encrypted (AES-256-GCM), masked and blind-indexed by `pii`.
 * `numberHashes` are the number's blind indexes under every 证件类型 (blindIndexesOfNumber) when the
 * caller has them already (the dry run looked them up); kept, so the job neither decrypts the
 * number nor computes an HMAC again.
 */
export function keptPerson(
  pii: Pick<Pii, "encrypt" | "blindIndex">,
  p: ImportedPerson,
  numberHashes: readonly string[] = blindIndexesOfNumber(pii, p.idNumber),
): KeptPerson {
  const idNumberHash = numberHashes[IdType.options.indexOf(p.idType)];
  if (!idNumberHash) throw new RangeError("keptPerson: numberHashes must hold one blind index per 证件类型");
  return {
    idType: p.idType,
    idNumberHash,
    numberHashes: [...numberHashes],
    idNumberEnc: pii.encrypt(p.idNumber),
    idNumberMasked: maskIdNumber(p.idNumber),
    name: p.name,
    phoneEnc: pii.encrypt(p.phone),
    phoneMasked: maskPhone(p.phone),
    email: p.email,
    departmentId: p.departmentId,
    education: p.education,
    titleSeries: p.titleSeries,
    titleLevel: p.titleLevel,
    qualification: p.qualification,
    major: p.major,
    certificateNo: p.certificateNo,
  };
}

/** Lines gathered before they go to the compressor at once (bytes of JSON text, roughly). */
const KEPT_CHUNK_CHARS = 256 * 1024;

/**
 * Data rows per part (~1.6 MB compressed): a part is written and read as one value, so this bounds
 * what one database write or read costs in memory (a 100,000-row file as one 32 MB value cost the
 * service ~500 MB of transient copies).
 */
export const KEPT_PART_ROWS = 5_000;

/**
 * Collects kept rows as they are checked into parts of gzip-compressed NDJSON (memory: the
 * compressed parts and one chunk of text). Lines go to the compressor ~256 KB at a time: handed over one by one, a
 * row (~1 KB) filled the stream's 16 KB buffer every ~20 rows and each wait for 'drain' was a trip
 * through the thread pool — 6 s of a 20,000-row dry run's 11 s. Every KEPT_PART_ROWS rows the
 * part's gzip member is ended and the next one begins.
 */
export class KeptRowsWriter {
  readonly #parts: Buffer[] = [];
  #gzip: Gzip | null = null;
  #chunks: Buffer[] = [];
  #pending: string[] = [];
  #pendingChars = 0;
  #rows = 0;

  /** Data rows added so far. */
  get rows(): number {
    return this.#rows;
  }

  /** Appends one data row (in file order); hands a full chunk to the compressor, waiting when it is behind; ends a full part. */
  async add(row: KeptRow): Promise<void> {
    this.#rows++;
    const line = `${JSON.stringify(row)}\n`;
    this.#pending.push(line);
    this.#pendingChars += line.length;
    if (this.#pendingChars >= KEPT_CHUNK_CHARS) await this.#flush();
    if (this.#rows % KEPT_PART_ROWS === 0) await this.#endPart();
  }

  async #flush(): Promise<void> {
    if (this.#pending.length === 0) return;
    const text = this.#pending.join("");
    this.#pending = [];
    this.#pendingChars = 0;
    if (!this.#gzip) {
      const gzip = createGzip();
      const chunks: Buffer[] = [];
      gzip.on("data", (c: Buffer) => chunks.push(c));
      this.#gzip = gzip;
      this.#chunks = chunks;
    }
    if (!this.#gzip.write(text)) await once(this.#gzip, "drain");
  }

  async #endPart(): Promise<void> {
    await this.#flush();
    const gzip = this.#gzip;
    if (!gzip) return;
    const ended = once(gzip, "end");
    gzip.end();
    await ended;
    this.#parts.push(Buffer.concat(this.#chunks));
    this.#gzip = null;
    this.#chunks = [];
  }

  /** Ends the last part and returns the parts in order (none for no rows). */
  async finish(): Promise<Buffer[]> {
    await this.#endPart();
    return this.#parts;
  }
}

/**
 * The kept rows of `parts` (KeptRowsWriter's parts, in order), decompressed and parsed line by
 * line, one part in memory at a time. Raises KeptRowsUnreadable naming the line when a part is not
 * gzip or a line is not a kept row (the job then fails cleanly).
 */
export async function* keptRows(parts: Iterable<Uint8Array> | AsyncIterable<Uint8Array>): AsyncGenerator<KeptRow> {
  let line = 0;
  try {
    for await (const part of parts) {
      const lines = createInterface({ input: Readable.from([Buffer.from(part)]).pipe(createGunzip()), crlfDelay: Number.POSITIVE_INFINITY });
      for await (const text of lines) {
        line++;
        if (text !== "") yield keptRowOf(text, line);
      }
    }
  } catch (e) {
    if (e instanceof KeptRowsUnreadable) throw e;
    throw new KeptRowsUnreadable(`kept import rows unreadable after line ${line}: ${(e as Error).message}`);
  }
}

function keptRowOf(text: string, line: number): KeptRow {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new KeptRowsUnreadable(`kept import row ${line} is not JSON`);
  }
  if (value === null || value === "repeat") return value;
  const parsed = KeptPerson.safeParse(value);
  if (!parsed.success) throw new KeptRowsUnreadable(`kept import row ${line} is malformed: ${parsed.error.issues[0]?.path.join(".")}`);
  return parsed.data;
}

/** The kept rows cannot be read (corrupt bytes or a line of another shape). */
export class KeptRowsUnreadable extends Error {}
