// 批量导入's durable queue: pg-boss 12 (STACK.md) in its own schema identity_jobs of identity's
// database. pg-boss holds the job (retries, a heartbeat that hands a dead worker's job to another);
// progress and results live in identity.import_job, which pg-boss has no API for.
import type { Logger } from "@ce/service-kit";
import { PgBoss } from "pg-boss";

/** The pg-boss schema and queue name. */
export const JOBS_SCHEMA = "identity_jobs";
export const IMPORT_QUEUE = "identity-import";

/** How the use cases hand an import to the queue. */
export interface ImportQueue {
  /** Queues import job `jobId` (singleton per job id: a repeated send queues nothing more). */
  enqueue(jobId: string): Promise<void>;
}

/** The queue with its worker, as the service (and tests) control it. */
export interface ImportQueueRunner extends ImportQueue {
  /**
   * Starts taking jobs: `run(jobId, stopping)` runs one; a throw hands the job back for a retry,
   * and after the last attempt `giveUp(jobId, error)` records the failure.
   */
  startWorker(run: (jobId: string, stopping: () => boolean) => Promise<void>, giveUp: (jobId: string, error: unknown) => Promise<void>): Promise<void>;
  /** Stops taking jobs; a job in flight stops after its current batch commits and is retried later. */
  stopWorker(): Promise<void>;
  /** Stops the worker and pg-boss. */
  stop(): Promise<void>;
}

/** Queue options: up to 5 attempts, 2 s apart; a worker silent for 30 s (heartbeat) loses the job to another. */
const queueOptions = { retryLimit: 5, retryDelay: 2, heartbeatSeconds: 30, expireInSeconds: 3600 } as const;

/**
 * Starts pg-boss on `databaseUrl` (creating or migrating its schema identity_jobs) and the queue
 * IMPORT_QUEUE. The worker is started separately (startWorker). Raises what pg-boss raises when the
 * database cannot be reached.
 */
export async function openImportQueue(databaseUrl: string, log: Logger): Promise<ImportQueueRunner> {
  const boss = new PgBoss({ connectionString: databaseUrl, schema: JOBS_SCHEMA, max: 3 });
  boss.on("error", (err: unknown) => log.error({ err }, "import queue error"));
  await boss.start();
  await boss.createQueue(IMPORT_QUEUE, queueOptions);
  let stopping = false;
  let working = false;
  return {
    async enqueue(jobId) {
      await boss.send(IMPORT_QUEUE, { jobId }, { singletonKey: jobId });
    },
    async startWorker(run, giveUp) {
      stopping = false;
      working = true;
      await boss.work<{ jobId: string }>(IMPORT_QUEUE, { pollingIntervalSeconds: 1 }, async (jobs) => {
        for (const job of jobs) {
          log.info({ jobId: job.data.jobId, attempt: job.retryCount }, "import job started");
          try {
            await run(job.data.jobId, () => stopping || job.signal.aborted);
          } catch (err) {
            const interrupted = stopping || job.signal.aborted;
            log.warn({ err, jobId: job.data.jobId, attempt: job.retryCount, interrupted }, "import job stopped; it resumes on its next attempt");
            if (!interrupted && job.retryCount >= queueOptions.retryLimit) await giveUp(job.data.jobId, err);
            throw err;
          }
          log.info({ jobId: job.data.jobId }, "import job ended");
        }
      });
    },
    async stopWorker() {
      if (!working) return;
      stopping = true;
      working = false;
      await boss.offWork(IMPORT_QUEUE, { wait: true });
    },
    async stop() {
      stopping = true;
      await boss.stop({ graceful: true, timeout: 30_000 });
    },
  };
}
