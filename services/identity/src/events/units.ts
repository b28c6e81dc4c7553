import { identityEvents, type UnitSnapshot } from "@ce/contracts";
import { type EventMeta, enqueueEvent, type SqlClient } from "@ce/service-kit";
import { SCHEMA } from "../config.ts";

/** ce.identity.unit.created.v1, written to the outbox in the caller's transaction. */
export const unitCreated = (tx: SqlClient, unit: UnitSnapshot, meta: EventMeta) => enqueueEvent(tx, SCHEMA, identityEvents.unitCreated, unit, meta);

/** ce.identity.unit.updated.v1: the full snapshot with its new version. */
export const unitUpdated = (tx: SqlClient, unit: UnitSnapshot, meta: EventMeta) => enqueueEvent(tx, SCHEMA, identityEvents.unitUpdated, unit, meta);
