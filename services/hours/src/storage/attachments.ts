// Attachments travel portal → hours inside the declare tRPC call as base64 (≤ 4 MB each, ≤ 5 files):
// the portal's Remix action parses the multipart form in memory and never stores a file itself;
// hours decodes the bytes (service-kit decodeAttachmentImage), keeps the re-encoded image in the
// JetStream object store and its metadata in Postgres — the blob only for a committed declaration.
import { randomUUID } from "node:crypto";
import type { AttachmentUpload } from "@ce/contracts";
import { decodeAttachmentImage, type Infra, openBlobBucket, storedAttachmentName, uuidNames } from "@ce/service-kit";
import type { Db } from "../db/client.ts";

/** A decoded upload: the attachment row's fields, and the re-encoded bytes to store. */
export interface PreparedAttachment {
  id: string;
  originalName: string;
  contentType: string;
  size: number;
  sha256: string;
  bytes: Uint8Array;
}

/** What the attachment row records (PreparedAttachment without the bytes). */
export type StoredAttachment = Omit<PreparedAttachment, "bytes">;

export interface AttachmentStore {
  /**
   * Stores `files` and runs `commit` (the declaration's transaction, which records them); if the
   * commit fails the blobs are deleted, so a blob exists only for a committed declaration.
   */
  commitWith<T>(files: readonly PreparedAttachment[], commit: (rows: StoredAttachment[]) => Promise<T>): Promise<T>;
  get(id: string): Promise<Uint8Array | null>;
  /** Names of the stored blobs (tests check nothing is left behind). */
  names(): Promise<string[]>;
  /** Deletes blobs older than an hour that no attachment row names (crash between write and commit). */
  sweepOrphans(now?: Date): Promise<string[]>;
  /** Removes the bucket (tests clean up their prefix with it). */
  destroy(): Promise<void>;
}

/**
 * Decodes every upload of one declaration before anything is written (a refused file stores
 * nothing): each must be a jpg/jpeg/gif/bmp/png image that decodes, ≤ 4 MB. Returns the re-encoded
 * files with fresh ids and names true to their stored type. Raises DomainError BAD_REQUEST on
 * `attachments` naming the refused file (see decodeAttachmentImage).
 */
export async function prepareAttachments(uploads: readonly AttachmentUpload[]): Promise<PreparedAttachment[]> {
  const prepared: PreparedAttachment[] = [];
  for (const u of uploads) {
    const image = await decodeAttachmentImage(new Uint8Array(Buffer.from(u.contentBase64, "base64")), "attachments", u.name);
    prepared.push({
      id: randomUUID(),
      originalName: storedAttachmentName(u.name, image.type),
      contentType: image.contentType,
      size: image.size,
      sha256: image.sha256,
      bytes: image.bytes,
    });
  }
  return prepared;
}

/** The JetStream object store bucket `attachments` (with the configured prefix). */
export async function openAttachmentStore(infra: Infra, db: Db, replicas = 1): Promise<AttachmentStore> {
  const bucket = await openBlobBucket(infra, "attachments", {
    replicas,
    referenced: async (names) => {
      const ids = uuidNames(names);
      return (await db.attachment.findMany({ where: { id: { in: ids } }, select: { id: true } })).map((a) => a.id);
    },
  });
  return {
    commitWith: (files, commit) =>
      bucket.commitWith(
        files.map((f) => ({ name: f.id, description: f.originalName, bytes: f.bytes })),
        () => commit(files.map(({ bytes: _bytes, ...row }) => row)),
      ),
    get: (id) => bucket.get(id),
    names: () => bucket.names(),
    sweepOrphans: (now) => bucket.sweepOrphans(now),
    destroy: () => bucket.destroy(),
  };
}
