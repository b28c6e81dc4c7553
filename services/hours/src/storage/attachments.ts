// Attachments travel portal → hours inside the declare tRPC call as base64 (≤ 4 MB each, ≤ 5 files):
// the portal's Remix action parses the multipart form in memory and never stores a file itself;
// hours checks the bytes, keeps them in the JetStream object store and their metadata in Postgres.
import { createHash, randomUUID } from "node:crypto";
import { Objm, type ObjectStore } from "@nats-io/obj";
import type { Infra } from "@ce/service-kit";
import { checkAttachment, contentTypes, type AttachmentUpload } from "@ce/contracts";

/** A checked upload, stored and ready to be recorded in the declaration's transaction. */
export interface StoredAttachment {
  id: string;
  originalName: string;
  contentType: string;
  size: number;
  sha256: string;
}

export interface AttachmentStore {
  /** Checks every upload first (nothing is stored if one is refused), then stores them all. */
  putAll(uploads: readonly AttachmentUpload[]): Promise<StoredAttachment[]>;
  get(id: string): Promise<Uint8Array | null>;
  /** Removes the bucket (tests clean up their prefix with it). */
  destroy(): Promise<void>;
}

/** The JetStream object store bucket `attachments` (with the configured prefix). */
export async function openAttachmentStore(infra: Infra, replicas = 1): Promise<AttachmentStore> {
  const objm = new Objm(infra.nats.js);
  const store: ObjectStore = await objm.create(infra.naming.bucket("attachments"), { replicas });
  return {
    async putAll(uploads) {
      const checked = uploads.map((u) => {
        const bytes = new Uint8Array(Buffer.from(u.contentBase64, "base64"));
        return { upload: u, bytes, type: checkAttachment(bytes) };
      });
      const stored: StoredAttachment[] = [];
      for (const { upload, bytes, type } of checked) {
        const id = randomUUID();
        await store.putBlob({ name: id, description: upload.name }, bytes);
        stored.push({ id, originalName: upload.name, contentType: contentTypes[type], size: bytes.length, sha256: createHash("sha256").update(bytes).digest("hex") });
      }
      return stored;
    },
    get: (id) => store.getBlob(id),
    destroy: async () => {
      await store.destroy();
    },
  };
}
