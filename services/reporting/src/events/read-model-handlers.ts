// Every event reporting projects, and what it writes, for any schema holding reporting's tables:
// the live consumers write to `reporting`, a rebuild to a fresh schema (ADR 013). Each handler runs
// inside the inbox's transaction and is also safe to run again on an event it has seen: histories
// and hour records are pure functions of the set of events (domain/history.ts, domain/hour-record.ts).
import {
  type DeclarationEvent,
  type EventDefinition,
  type EventEnvelope,
  hoursEvents,
  identityEvents,
  type ProfessionalSnapshot,
  type StreamName,
} from "@ce/contracts";
import { type EventHandler, on, type SqlClient, unitReplicaHandlers } from "@ce/service-kit";
import type { z } from "zod";
import {
  countUnitRegistration,
  hourRecord,
  lockAggregate,
  personHistory,
  unitHistory,
  upsertProfessionalReplica,
  writeHourRecord,
  writePersonHistory,
  writeUnitHistory,
} from "../db/read-models.ts";
import { type HistoryPoint, historyChanges } from "../domain/history.ts";
import { type HourEventKind, mergeHourEvent } from "../domain/hour-record.ts";
import { personPoint, type UnitState, unitMovedPoint, unitSnapshotPoint } from "../domain/identity-history.ts";
import { professionalReplicaRow } from "../domain/professional-replica.ts";
import { registrationBucket } from "../domain/unit-replica.ts";

/** The consumer name in the inbox and in the durable names (`reporting_CE_IDENTITY`, `reporting_CE_HOURS`). */
export const CONSUMER = "reporting";

/** The read-model tables every projection writes (the rebuild creates, compares and switches these). */
export const READ_MODEL_TABLES = ["unit_replica", "professional_replica", "unit_registration_daily", "unit_history", "person_history", "hour_record"] as const;

/** One handler per event type running the given handlers of that type in order (the inbox dispatches one per type). */
function combine<Tx extends SqlClient>(...lists: EventHandler<Tx>[][]): EventHandler<Tx>[] {
  const byType = new Map<string, EventHandler<Tx>[]>();
  for (const h of lists.flat()) byType.set(h.event.type, [...(byType.get(h.event.type) ?? []), h]);
  return [...byType.values()].map((hs) => ({
    event: hs[0]!.event,
    async handle(tx, event) {
      for (const h of hs) await h.handle(tx, event);
    },
  }));
}

async function recordUnit<Tx extends SqlClient>(tx: Tx, schema: string, unitId: string, point: HistoryPoint<UnitState>): Promise<void> {
  await lockAggregate(tx, schema, "unit_history", unitId);
  await writeUnitHistory(tx, schema, unitId, historyChanges(await unitHistory(tx, schema, unitId), point));
}

async function recordProfessional<Tx extends SqlClient>(tx: Tx, schema: string, s: ProfessionalSnapshot, event: EventEnvelope<unknown>): Promise<void> {
  const occurredAt = new Date(event.occurredAt);
  await lockAggregate(tx, schema, "person_history", s.accountId);
  await upsertProfessionalReplica(tx, schema, s.accountId, professionalReplicaRow(s, event.occurredAt));
  await writePersonHistory(tx, schema, s.accountId, historyChanges(await personHistory(tx, schema, s.accountId), personPoint(s, event.id, occurredAt)));
}

/**
 * The handlers of CE_IDENTITY for `schema`: units (the shared unit replica, the registration
 * count of unit.created, the unit history) and professionals (the current replica and the history).
 */
export function identityHandlers<Tx extends SqlClient>(schema: string): EventHandler<Tx>[] {
  const replica = unitReplicaHandlers<Tx>({
    schema,
    columns: (s) => ({
      name: s.name,
      kind: s.kind,
      nature: s.nature,
      industry: s.industry,
      region: s.region,
      code: s.code,
      superior_id: s.superiorId,
      path: s.path,
      status: s.status,
      training_level: s.trainingLevel,
    }),
    pathColumns: [["professional_replica", "unit_path"]],
    // Not idempotent on its own: the inbox guarantees it runs once per event.
    afterCreated: (tx, event) => countUnitRegistration(tx, schema, registrationBucket(event.data, event.occurredAt)),
  });
  const snapshot = (tx: Tx, e: EventEnvelope<z.infer<typeof identityEvents.unitCreated.data>>) =>
    recordUnit(tx, schema, e.data.unitId, unitSnapshotPoint(e.data, e.id, new Date(e.occurredAt)));
  const professional = (def: EventDefinition<typeof identityEvents.professionalRegistered.data>) =>
    on<Tx, typeof def.data>(def, (tx, e) => recordProfessional(tx, schema, e.data, e));
  return combine<Tx>(replica, [
    on<Tx, typeof identityEvents.unitCreated.data>(identityEvents.unitCreated, snapshot),
    on<Tx, typeof identityEvents.unitUpdated.data>(identityEvents.unitUpdated, snapshot),
    on<Tx, typeof identityEvents.unitMoved.data>(identityEvents.unitMoved, (tx, e) =>
      recordUnit(tx, schema, e.data.unitId, unitMovedPoint(e.data, e.id, new Date(e.occurredAt))),
    ),
    professional(identityEvents.professionalRegistered),
    professional(identityEvents.professionalApproved),
    professional(identityEvents.professionalRejected),
    professional(identityEvents.professionalUpdated),
    on<Tx, typeof identityEvents.professionalTransferred.data>(identityEvents.professionalTransferred, (tx, e) =>
      recordProfessional(tx, schema, e.data.professional, e),
    ),
  ]);
}

const hourKinds: Array<[HourEventKind, EventDefinition<z.ZodType<DeclarationEvent>>]> = [
  ["submitted", hoursEvents.declarationSubmitted],
  ["approved", hoursEvents.declarationApproved],
  ["rejected", hoursEvents.declarationRejected],
  ["withdrawn", hoursEvents.declarationWithdrawn],
  ["audited", hoursEvents.declarationAudited],
  ["auditFailed", hoursEvents.declarationAuditFailed],
  ["voided", hoursEvents.declarationVoided],
];

/** The handlers of CE_HOURS for `schema`: every declaration event merged into its hour record. */
export function hoursHandlers<Tx extends SqlClient>(schema: string): EventHandler<Tx>[] {
  return hourKinds.map(([kind, def]) =>
    on<Tx, z.ZodType<DeclarationEvent>>(def, async (tx, e) => {
      await lockAggregate(tx, schema, "hour_record", e.data.declarationId);
      const held = await hourRecord(tx, schema, e.data.declarationId);
      await writeHourRecord(tx, schema, mergeHourEvent(held, kind, new Date(e.occurredAt), e.data));
    }),
  );
}

/** The handlers of each stream reporting consumes, for `schema`. */
export function readModelHandlers<Tx extends SqlClient>(schema: string): Record<StreamName, EventHandler<Tx>[]> {
  return { CE_IDENTITY: identityHandlers<Tx>(schema), CE_HOURS: hoursHandlers<Tx>(schema) };
}
