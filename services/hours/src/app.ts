import { type Clock, systemClock } from "@ce/contracts";
import { startService } from "@ce/service-kit";
import { type Config, SCHEMA } from "./config.ts";
import { createDb } from "./db/client.ts";
import type { HoursDeps } from "./deps.ts";
import { identityHandlers } from "./events/identity-consumer.ts";
import { createHoursRouter } from "./routers/index.ts";
import { openAttachmentStore } from "./storage/attachments.ts";

/**
 * Wires the hours service through the one bootstrap: its CE_HOURS stream and outbox relay, the
 * attachment store, the identity consumer, deps and router. `now` pins the clock for tests.
 */
export function startHours(config: Config, opts: { now?: Clock } = {}) {
  return startService({
    name: "hours",
    config,
    schema: SCHEMA,
    createDb,
    async wire({ db, infra, publishTo, consume }) {
      const relay = await publishTo("CE_HOURS");
      const attachments = await openAttachmentStore(infra, db, config.NATS_STREAM_REPLICAS);
      await consume("CE_IDENTITY", identityHandlers);
      const deps: HoursDeps = {
        db,
        attachments,
        log: infra.log,
        nudgeOutbox: () => relay.nudge(),
        yearsBack: config.DECLARATION_YEARS_BACK,
        now: opts.now ?? systemClock,
      };
      return { router: createHoursRouter(deps), relay, attachments, deps };
    },
  });
}
