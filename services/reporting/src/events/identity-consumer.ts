import { type Infra, startConsumer } from "@ce/service-kit";
import { SCHEMA } from "../config.ts";
import type { Db, Tx } from "../db/client.ts";
import { CONSUMER, identityHandlers } from "./read-model-handlers.ts";

/** Durable consumer `reporting_CE_IDENTITY` (with the test prefix, if any): units and professionals into the live read models. */
export function startIdentityConsumer(db: Db, infra: Infra) {
  return startConsumer<Tx>({
    name: CONSUMER,
    stream: "CE_IDENTITY",
    db,
    schema: SCHEMA,
    js: infra.nats.js,
    jsm: infra.nats.jsm,
    naming: infra.naming,
    log: infra.log,
    handlers: identityHandlers<Tx>(SCHEMA),
  });
}
