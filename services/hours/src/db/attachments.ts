import type { Db } from "./client.ts";

/** One attachment's metadata row (name, type, size, sha256, its declaration), or null. */
export function findAttachment(db: Db, id: string) {
  return db.attachment.findUnique({ where: { id } });
}
