import { type Infra, startConsumer } from "@ce/service-kit";
import { SCHEMA } from "../config.ts";
import type { Db, Tx } from "../db/client.ts";
import { CONSUMER, hoursHandlers } from "./read-model-handlers.ts";

/** Durable consumer `reporting_CE_HOURS` (with the test prefix, if any): declarations into the live hour records. */
export function startHoursConsumer(db: Db, infra: Infra) {
  return startConsumer<Tx>({
    name: CONSUMER,
    stream: "CE_HOURS",
    db,
    schema: SCHEMA,
    js: infra.nats.js,
    jsm: infra.nats.jsm,
    naming: infra.naming,
    log: infra.log,
    handlers: hoursHandlers<Tx>(SCHEMA),
  });
}
