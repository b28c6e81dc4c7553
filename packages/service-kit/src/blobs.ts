// A blob is written only for a committed record (ARCHITECTURE.md). The object store cannot join a
// PostgreSQL transaction, so every service that stores files does the same three things here:
// write the blobs, then commit the record that names them; if the commit (or a later write) fails,
// delete what was written; and, for the window no code runs in (the process dies between the write
// and the commit, or the delete itself fails), sweep blobs that no record names once they are
// older than any transaction can be. A record never names a blob that was not written first.
import { type ObjectStore, Objm } from "@nats-io/obj";
import type { Infra } from "./runtime.ts";

/** One file to store under `name` (a fresh uuid the record will name). */
export interface PendingBlob {
  name: string;
  /** Kept with the blob for whoever inspects the bucket (the upload's file name). */
  description?: string;
  bytes: Uint8Array;
}

/** Which of `names` a committed record refers to. */
export type ReferencedBlobs = (names: string[]) => Promise<Iterable<string>>;

export interface BlobBucket {
  /**
   * Writes `blobs`, then runs `commit` (the transaction that records them) and returns its result.
   * If a write or the commit throws, every blob written is deleted and the error rethrown.
   */
  commitWith<T>(blobs: readonly PendingBlob[], commit: () => Promise<T>): Promise<T>;
  get(name: string): Promise<Uint8Array | null>;
  /** Names of the stored blobs (tests assert that nothing was left behind). */
  names(): Promise<string[]>;
  /** Deletes blobs older than `graceMs` that no record names; returns their names. */
  sweepOrphans(now?: Date): Promise<string[]>;
  /** Removes the bucket (tests clean up their prefix with it). */
  destroy(): Promise<void>;
}

export interface BlobBucketOptions {
  replicas?: number;
  referenced: ReferencedBlobs;
  /** A blob younger than this may belong to a transaction still running: 1 hour. */
  graceMs?: number;
  /** How often the sweep runs; 0 turns it off (tests sweep by hand). Default 1 hour. */
  sweepEveryMs?: number;
}

const HOUR = 60 * 60 * 1000;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The names among `names` that are UUIDs, for a `referenced` that looks blobs up by a uuid column:
 * the services name their blobs by UUID, and any other name (a stray object) is referenced by
 * nothing, so it is left out of the query rather than failing its uuid cast.
 */
export const uuidNames = (names: readonly string[]): string[] => names.filter((n) => UUID.test(n));

/**
 * Opens (creating if needed) the JetStream object store bucket `bucket` under the configured prefix
 * and starts its orphan sweep, stopped with the service's lifecycle. Raises what NATS raises when
 * the bucket cannot be created. See BlobBucket for the write-then-commit contract.
 */
export async function openBlobBucket(
  infra: Pick<Infra, "log" | "naming" | "nats" | "lifecycle">,
  bucket: string,
  opts: BlobBucketOptions,
): Promise<BlobBucket> {
  const store: ObjectStore = await new Objm(infra.nats.js).create(infra.naming.bucket(bucket), { replicas: opts.replicas ?? 1 });
  const graceMs = opts.graceMs ?? HOUR;
  const remove = async (names: readonly string[]) => {
    for (const name of names) {
      await store.delete(name).catch((err: unknown) => infra.log.warn({ err, bucket, name }, "blob not deleted; the orphan sweep will retry"));
    }
  };
  const bb: BlobBucket = {
    async commitWith(blobs, commit) {
      const written: string[] = [];
      try {
        for (const b of blobs) {
          await store.putBlob({ name: b.name, description: b.description }, b.bytes);
          written.push(b.name);
        }
        return await commit();
      } catch (e) {
        await remove(written);
        throw e;
      }
    },
    get: (name) => store.getBlob(name),
    names: async () => (await store.list()).filter((i) => !i.deleted).map((i) => i.name),
    async sweepOrphans(now = new Date()) {
      const old = (await store.list()).filter((i) => !i.deleted && now.getTime() - Date.parse(i.mtime) > graceMs).map((i) => i.name);
      if (old.length === 0) return [];
      const kept = new Set(await opts.referenced(old));
      const orphans = old.filter((n) => !kept.has(n));
      await remove(orphans);
      if (orphans.length) infra.log.info({ bucket, count: orphans.length }, "orphan blobs removed");
      return orphans;
    },
    destroy: async () => {
      await store.destroy();
    },
  };
  const every = opts.sweepEveryMs ?? HOUR;
  if (every > 0) {
    const timer = setInterval(() => {
      bb.sweepOrphans().catch((err: unknown) => infra.log.warn({ err, bucket }, "orphan sweep failed"));
    }, every).unref();
    infra.lifecycle.onStop(`${bucket} sweep`, () => clearInterval(timer));
  }
  return bb;
}
