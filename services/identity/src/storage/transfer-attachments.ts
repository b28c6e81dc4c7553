// 人员调转 附件 travel portal → identity inside transfers.create as base64 (one image, ≤ 4 MB), exactly
// as declaration attachments travel to hours: identity checks the bytes (type detected from content,
// packages/contracts/src/files.ts), keeps them in the JetStream object store and their metadata in Postgres.
import { createHash, randomUUID } from "node:crypto";
import { Objm, type ObjectStore } from "@nats-io/obj";
import { checkAttachment, contentTypes } from "@ce/contracts";
import type { Infra } from "@ce/service-kit";

/** A checked upload before it is stored. */
export interface CheckedTransferAttachment {
  name: string;
  bytes: Uint8Array;
  contentType: string;
}

/** What the transfer row records of its stored attachment. */
export interface StoredTransferAttachment {
  key: string;
  name: string;
  contentType: string;
  size: number;
  sha256: string;
}

export interface TransferAttachmentStore {
  put(checked: CheckedTransferAttachment): Promise<StoredTransferAttachment>;
  get(key: string): Promise<Uint8Array | null>;
  remove(key: string): Promise<void>;
  /** Removes the bucket (tests clean up their prefix with it). */
  destroy(): Promise<void>;
}

/** Checks one upload (size, then content); throws the guide's message for anything but jpg jpeg gif bmp png. */
export function checkTransferAttachment(upload: { name: string; base64: string }): CheckedTransferAttachment {
  const bytes = new Uint8Array(Buffer.from(upload.base64, "base64"));
  return { name: upload.name, bytes, contentType: contentTypes[checkAttachment(bytes, "attachment")] };
}

/** The JetStream object store bucket `transfer-attachments` (with the configured prefix). */
export async function openTransferAttachmentStore(infra: Infra, replicas = 1): Promise<TransferAttachmentStore> {
  const objm = new Objm(infra.nats.js);
  const store: ObjectStore = await objm.create(infra.naming.bucket("transfer-attachments"), { replicas });
  return {
    async put({ name, bytes, contentType }) {
      const key = randomUUID();
      await store.putBlob({ name: key, description: name }, bytes);
      return { key, name, contentType, size: bytes.length, sha256: createHash("sha256").update(bytes).digest("hex") };
    },
    get: (key) => store.getBlob(key),
    remove: async (key) => {
      await store.delete(key).catch(() => {});
    },
    destroy: async () => {
      await store.destroy();
    },
  };
}
