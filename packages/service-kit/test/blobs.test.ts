// The kind under test: a blob is written only for a committed record. Real NATS object store;
// the "records" are a Set standing in for the rows a service's transaction commits.
import { naming as makeNaming } from "@ce/contracts";
import { TEST_NATS_URL, testTag } from "@ce/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BlobBucket, openBlobBucket } from "../src/blobs.ts";
import { Lifecycle } from "../src/lifecycle.ts";
import { createLogger } from "../src/logger.ts";
import { connectNats, type Nats } from "../src/nats.ts";

const tag = testTag("blobs");
const log = createLogger("test", "silent");
let nats: Nats;
let bucket: BlobBucket;
const committed = new Set<string>();

beforeAll(async () => {
  nats = await connectNats(TEST_NATS_URL, tag);
  bucket = await openBlobBucket({ log, naming: makeNaming(tag), nats, lifecycle: new Lifecycle(log) }, "blobs", {
    referenced: async (names) => names.filter((n) => committed.has(n)),
    sweepEveryMs: 0,
    graceMs: 60_000,
  });
});
afterAll(async () => {
  await bucket.destroy();
  await nats.nc.close();
});

const blob = (name: string) => ({ name, description: `${name}.png`, bytes: new TextEncoder().encode(`bytes of ${name}`) });
const record =
  (...names: string[]) =>
  async () => {
    for (const n of names) committed.add(n);
    return names.length;
  };
const fail = (message: string) => async () => {
  throw new Error(message);
};

describe("BlobBucket.commitWith", () => {
  // Each row: the blobs of one record, how its commit ends, and what the bucket holds afterwards.
  const rows: Array<{ name: string; blobs: string[]; commit: () => Promise<number>; error: string | null; kept: string[] }> = [
    { name: "a committed record keeps its blob", blobs: ["ok-1"], commit: record("ok-1"), error: null, kept: ["ok-1"] },
    {
      name: "a committed record keeps all of its blobs",
      blobs: ["ok-2", "ok-3", "ok-4"],
      commit: record("ok-2", "ok-3", "ok-4"),
      error: null,
      kept: ["ok-2", "ok-3", "ok-4"],
    },
    { name: "a transaction that fails leaves no blob", blobs: ["rb-1"], commit: fail("deadlock detected"), error: "deadlock detected", kept: [] },
    {
      name: "a transaction that fails after several uploads leaves none of them",
      blobs: ["rb-2", "rb-3", "rb-4", "rb-5", "rb-6"],
      commit: fail("年度学时已达上限"),
      error: "年度学时已达上限",
      kept: [],
    },
    { name: "a record without files commits with no blob", blobs: [], commit: record(), error: null, kept: [] },
  ];
  it.each(rows)("$name", async ({ blobs, commit, error, kept }) => {
    const outcome = await bucket.commitWith(blobs.map(blob), commit).then(
      (n) => n,
      (e: Error) => e.message,
    );
    expect(outcome).toBe(error ?? blobs.length);
    const names = await bucket.names();
    for (const n of blobs) expect(names.includes(n), n).toBe(kept.includes(n));
    for (const n of kept) expect(new TextDecoder().decode((await bucket.get(n))!)).toBe(`bytes of ${n}`);
  });

  it("a write that fails half way removes the blobs already written and commits nothing", async () => {
    let ran = false;
    // The second upload's bytes cannot be read, as when the connection drops mid-upload.
    const broken = Object.defineProperty({ name: "half-2" }, "bytes", {
      get() {
        throw new Error("connection lost");
      },
    }) as { name: string; bytes: Uint8Array };
    const e = await bucket.commitWith([blob("half-1"), broken], async () => (ran = true)).catch((x: Error) => x);
    expect(e).toMatchObject({ message: "connection lost" });
    expect(ran).toBe(false);
    expect(await bucket.names()).not.toContain("half-1");
  });
});

describe("BlobBucket.sweepOrphans (the process died between the write and the commit)", () => {
  it("deletes old blobs no record names, and keeps committed and young ones", async () => {
    await bucket.commitWith([blob("crash-1"), blob("crash-2")], async () => "the process dies here, before COMMIT");
    await bucket.commitWith([blob("kept-1")], record("kept-1"));
    const later = new Date(Date.now() + 2 * 60_000);
    expect(await bucket.sweepOrphans(new Date())).toEqual([]);
    const swept = await bucket.sweepOrphans(later);
    expect(swept).toEqual(expect.arrayContaining(["crash-1", "crash-2"]));
    expect(swept).not.toContain("kept-1");
    const names = await bucket.names();
    expect(names).toContain("kept-1");
    expect(names).not.toContain("crash-1");
  });
});
