import { startService } from "@ce/service-kit";
import { type Config, SCHEMA } from "./config.ts";
import { createDb } from "./db/client.ts";
import type { IdentityDeps } from "./deps.ts";
import { createMailer } from "./mail/mailer.ts";
import { createIdentityRouter } from "./routers/index.ts";
import { createPii } from "./security/pii.ts";
import { openTransferAttachmentStore } from "./storage/transfer-attachments.ts";

/**
 * Starts the identity service through the one bootstrap: its CE_IDENTITY stream and outbox relay,
 * the PII keys, mailer and transfer-attachment store, deps and router. With PORT 0 it takes a free
 * port, so tests run it in-process.
 */
export function startIdentity(config: Config) {
  return startService({
    name: "identity",
    config,
    schema: SCHEMA,
    createDb,
    async wire({ db, infra, publishTo }) {
      const relay = await publishTo("CE_IDENTITY");
      const pii = createPii({ encryptionKey: config.PII_ENCRYPTION_KEY, indexKey: config.PII_INDEX_KEY });
      const transferAttachments = await openTransferAttachmentStore(infra, db, config.NATS_STREAM_REPLICAS);
      const { redis, log } = infra;
      const deps: IdentityDeps = {
        db,
        redis,
        pii,
        log,
        config,
        mailer: createMailer(config, redis, log),
        transferAttachments,
        nudgeOutbox: () => relay.nudge(),
      };
      return { router: createIdentityRouter(deps), relay, pii, deps };
    },
  });
}

/** A running identity service: its endpoint, clients and deps, and `stop`. */
export type IdentityApp = Awaited<ReturnType<typeof startIdentity>>;
