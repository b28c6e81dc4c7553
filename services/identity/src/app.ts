import { startService } from "@ce/service-kit";
import { type Config, SCHEMA } from "./config.ts";
import { createDb } from "./db/client.ts";
import type { IdentityDeps } from "./deps.ts";
import { hoursHandlers } from "./events/hours-consumer.ts";
import { openImportQueue } from "./jobs/import-queue.ts";
import { createMailer } from "./mail/mailer.ts";
import { createIdentityRouter } from "./routers/index.ts";
import { createPii } from "./security/pii.ts";
import { openTransferAttachmentStore } from "./storage/transfer-attachments.ts";
import { failImportJob, runImportJob } from "./use-cases/import/run.ts";

/**
 * Starts the identity service through the one bootstrap: its CE_IDENTITY stream and outbox relay,
 * its consumer of hours' audit entries,
 * the PII keys, mailer and transfer-attachment store, 批量导入's job queue (pg-boss, schema
 * identity_jobs) and its worker, deps and router. With PORT 0 it takes a free port, so tests run it
 * in-process; they get `importQueue` to stop and restart the worker.
 */
export function startIdentity(config: Config) {
  return startService({
    name: "identity",
    config,
    schema: SCHEMA,
    createDb,
    async wire({ db, infra, publishTo, consume }) {
      const relay = await publishTo("CE_IDENTITY");
      // Hours' audit entries (ADR 015); identity serves without them, so they do not hold up /readyz.
      await consume("CE_HOURS", hoursHandlers, { readiness: false });
      const pii = createPii({ encryptionKey: config.PII_ENCRYPTION_KEY, indexKey: config.PII_INDEX_KEY });
      const transferAttachments = await openTransferAttachmentStore(infra, db, config.NATS_STREAM_REPLICAS);
      const { redis, log } = infra;
      const importQueue = await openImportQueue(config.DATABASE_URL, log);
      infra.lifecycle.onStop("import queue", () => importQueue.stop());
      const deps: IdentityDeps = {
        db,
        redis,
        pii,
        log,
        config,
        mailer: createMailer(config, redis, log),
        transferAttachments,
        importQueue,
        nudgeOutbox: () => relay.nudge(),
      };
      const startImportWorker = () =>
        importQueue.startWorker(
          (jobId, stopping) => runImportJob(deps, jobId, { batchRows: config.IMPORT_BATCH_ROWS, stopping }),
          (jobId, error) => failImportJob(deps, jobId, error),
        );
      await startImportWorker();
      return { router: createIdentityRouter(deps), relay, pii, deps, importQueue, startImportWorker };
    },
  });
}

/** A running identity service: its endpoint, clients and deps, and `stop`. */
export type IdentityApp = Awaited<ReturnType<typeof startIdentity>>;
