import type { Logger, Redis } from "@ce/service-kit";
import type { Config } from "./config.ts";
import type { Db } from "./db/client.ts";
import type { ImportQueue } from "./jobs/import-queue.ts";
import type { Mailer } from "./mail/mailer.ts";
import type { Pii } from "./security/pii.ts";
import type { TransferAttachmentStore } from "./storage/transfer-attachments.ts";

/** What the identity use cases and routers run on; app.ts builds it, tests get it from there. */
export interface IdentityDeps {
  db: Db;
  redis: Redis;
  pii: Pii;
  mailer: Mailer;
  /** 人员调转 附件 (JetStream object store bucket transfer-attachments). */
  transferAttachments: TransferAttachmentStore;
  /** 批量导入's durable queue (pg-boss): imports.start hands a job to it. */
  importQueue: ImportQueue;
  log: Logger;
  config: Pick<Config, "NODE_ENV" | "MAIL_TRANSPORT" | "PORTAL_URL">;
  /** Publish outbox rows now; called after a transaction that wrote events commits. */
  nudgeOutbox(): void;
}
