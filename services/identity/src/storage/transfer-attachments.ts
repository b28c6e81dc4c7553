// 人员调转 附件 travel portal → identity inside transfers.create as base64 (one image, ≤ 4 MB), exactly
// as declaration attachments travel to hours: identity decodes the bytes (service-kit
// decodeAttachmentImage), keeps the re-encoded image in the JetStream object store and its metadata
// in Postgres — the blob only for a committed transfer.
import { randomUUID } from "node:crypto";
import { decodeAttachmentImage, type Infra, openBlobBucket, storedAttachmentName, uuidNames } from "@ce/service-kit";
import type { Db } from "../db/client.ts";

/** What the transfer row records of its stored attachment. */
export interface StoredTransferAttachment {
  key: string;
  name: string;
  contentType: string;
  size: number;
  sha256: string;
}

/** A decoded upload, not yet stored: the row's fields and the re-encoded bytes. */
export interface CheckedTransferAttachment extends StoredTransferAttachment {
  bytes: Uint8Array;
}

export interface TransferAttachmentStore {
  /**
   * Stores `checked` (if any) and runs `commit` (the transfer's transaction, which records it); if
   * the commit fails the blob is deleted, so a blob exists only for a committed transfer.
   */
  commitWith<T>(checked: CheckedTransferAttachment | null, commit: (stored: StoredTransferAttachment | null) => Promise<T>): Promise<T>;
  get(key: string): Promise<Uint8Array | null>;
  /** Names of the stored blobs (tests check nothing is left behind). */
  names(): Promise<string[]>;
  /** Deletes blobs older than an hour that no transfer names (crash between write and commit). */
  sweepOrphans(now?: Date): Promise<string[]>;
  /** Removes the bucket (tests clean up their prefix with it). */
  destroy(): Promise<void>;
}

/**
 * Decodes one upload before anything is written: it must be a jpg/jpeg/gif/bmp/png image that
 * decodes, ≤ 4 MB. Returns the re-encoded image with a fresh key and a name true to its stored type.
 * Raises DomainError BAD_REQUEST on `attachment` (see decodeAttachmentImage).
 */
export async function checkTransferAttachment(upload: { name: string; base64: string }): Promise<CheckedTransferAttachment> {
  const image = await decodeAttachmentImage(new Uint8Array(Buffer.from(upload.base64, "base64")), "attachment", upload.name);
  return {
    key: randomUUID(),
    name: storedAttachmentName(upload.name, image.type),
    contentType: image.contentType,
    size: image.size,
    sha256: image.sha256,
    bytes: image.bytes,
  };
}

/** The JetStream object store bucket `transfer-attachments` (with the configured prefix). */
export async function openTransferAttachmentStore(infra: Infra, db: Db, replicas = 1): Promise<TransferAttachmentStore> {
  const bucket = await openBlobBucket(infra, "transfer-attachments", {
    replicas,
    referenced: async (names) => {
      const keys = uuidNames(names);
      const rows = await db.transfer.findMany({ where: { attachmentKey: { in: keys } }, select: { attachmentKey: true } });
      return rows.flatMap((r) => (r.attachmentKey ? [r.attachmentKey] : []));
    },
  });
  return {
    async commitWith(checked, commit) {
      if (!checked) return commit(null);
      const { bytes, ...stored } = checked;
      return bucket.commitWith([{ name: stored.key, description: stored.name, bytes }], () => commit(stored));
    },
    get: (key) => bucket.get(key),
    names: () => bucket.names(),
    sweepOrphans: (now) => bucket.sweepOrphans(now),
    destroy: () => bucket.destroy(),
  };
}
