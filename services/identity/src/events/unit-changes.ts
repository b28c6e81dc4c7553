import { identityEvents, type UnitMoved } from "@ce/contracts";
import { type EventMeta, enqueueEvent, type SqlClient } from "@ce/service-kit";
import { SCHEMA } from "../config.ts";

/** ce.identity.unit.moved.v1: replicas rewrite every path that starts with oldPath. */
export const unitMoved = (tx: SqlClient, moved: UnitMoved, meta: EventMeta) => enqueueEvent(tx, SCHEMA, identityEvents.unitMoved, moved, meta);
