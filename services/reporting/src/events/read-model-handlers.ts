// Every event reporting projects, and what it writes, for any schema holding reporting's tables:
// the live consumers write to `reporting`, a rebuild to a fresh schema (ADR 013). Each handler runs
// inside the inbox's transaction and is also safe to run again on an event it has seen: histories
// and hour records are pure functions of the set of events (domain/history.ts, domain/hour-record.ts).
import {
  type DeclarationEvent,
  type EventDefinition,
  type EventEnvelope,
  endOfDay,
  hoursEvents,
  identityEvents,
  type ProfessionalSnapshot,
  type ScopedComplianceRule,
  SEEDED_COMPLIANCE_RULES,
  type StreamName,
} from "@ce/contracts";
import { type EventHandler, on, quoteIdent, type SqlClient, unitReplicaHandlers } from "@ce/service-kit";
import type { z } from "zod";
import { lockAggregate } from "../db/aggregate-lock.ts";
import { applyApprovedHoursDeltas } from "../db/approved-hours.ts";
import { mergeDeclarationOutcome } from "../db/declaration-outcomes.ts";
import { personHourRecords, writeHourRecord } from "../db/hour-records.ts";
import { revokeProofRaw, validProofHours } from "../db/hours-proofs.ts";
import { replaceNameGrams } from "../db/people.ts";
import { applyFigureDeltas } from "../db/professional-counts.ts";
import { personHistory, replicaHeld, upsertProfessionalReplica, writePersonHistory } from "../db/professional-history.ts";
import { applyTitleChanges } from "../db/title-distribution.ts";
import { unitHistory, writeUnitHistory } from "../db/unit-history.ts";
import { countUnitRegistration } from "../db/units.ts";
import { approvedHoursDelta, recordContribution } from "../domain/approved-hours.ts";
import { outcomeFacts } from "../domain/declaration-outcome.ts";
import { type HistoryInterval, type HistoryPoint, historyChanges, intervalAt } from "../domain/history.ts";
import { type HourEventKind, type HourRecord, mergeHourEvent } from "../domain/hour-record.ts";
import { proofYearHours, revocationReason, sameHours } from "../domain/hours-proof.ts";
import { type PersonState, personPoint, type UnitState, unitMovedPoint, unitSnapshotPoint } from "../domain/identity-history.ts";
import { judgeYear } from "../domain/professional-counts.ts";
import { professionalReplicaRow } from "../domain/professional-replica.ts";
import { type TitleSpan, titleContribution, titleDelta } from "../domain/title-figures.ts";
import { contributionDelta, type JudgeYear, personContribution } from "../domain/unit-figures.ts";
import { registrationBucket } from "../domain/unit-replica.ts";
import { lockReadModels, trackingUnitPaths } from "./subtree-attribution.ts";

/** The consumer name in the inbox and in the durable names (`reporting_CE_IDENTITY`, `reporting_CE_HOURS`). */
export const CONSUMER = "reporting";

/** The read-model tables every projection writes (the rebuild creates, compares and switches these). */
export const READ_MODEL_TABLES = [
  "unit_replica",
  "professional_replica",
  "unit_registration_daily",
  "unit_history",
  "person_history",
  "hour_record",
  "unit_figures",
  "unit_approved_hours",
  "declaration_outcome",
  "title_figures",
  "title_figures_now",
  "subtree_figures",
  "subtree_approved_hours",
  "subtree_title_now",
  "subtree_title_registered",
  "professional_name_grams",
] as const;

/**
 * One handler per event type running the given handlers of that type in order (the inbox
 * dispatches one per type), after the schema's read-model lock (lockReadModels: the first lock).
 */
function combine<Tx extends SqlClient>(schema: string, ...lists: EventHandler<Tx>[][]): EventHandler<Tx>[] {
  const byType = new Map<string, EventHandler<Tx>[]>();
  for (const h of lists.flat()) byType.set(h.event.type, [...(byType.get(h.event.type) ?? []), h]);
  return [...byType.values()].map((hs) => ({
    event: hs[0]!.event,
    async handle(tx, event) {
      await lockReadModels(tx, schema);
      for (const h of hs) await h.handle(tx, event);
    },
  }));
}

async function recordUnit<Tx extends SqlClient>(tx: Tx, schema: string, unitId: string, point: HistoryPoint<UnitState>): Promise<void> {
  await lockAggregate(tx, schema, "unit_history", unitId);
  await writeUnitHistory(tx, schema, unitId, historyChanges(await unitHistory(tx, schema, unitId), point));
}

/**
 * The judge of the rollup's 合格 (judgeYear under `rules`) for the units a person was in: by the
 * region of the unit in force at the end of the day, read only when some rule names a region.
 */
async function judgeFor<Tx extends SqlClient>(tx: Tx, schema: string, rules: readonly ScopedComplianceRule[], unitIds: readonly string[]): Promise<JudgeYear> {
  if (rules.every((r) => r.region === null)) return (year, _unit, _day, hours) => judgeYear(rules, year, null, hours);
  const histories = new Map<string, HistoryInterval<UnitState>[]>();
  for (const id of new Set(unitIds)) histories.set(id, await unitHistory(tx, schema, id));
  return (year, unitId, day, hours) => judgeYear(rules, year, intervalAt(histories.get(unitId) ?? [], endOfDay(day))?.state.region ?? null, hours);
}

/** The rollup's view of a person's history: unit and status per interval (professional events always carry both). */
const spansOf = (history: readonly HistoryInterval<PersonState>[]) =>
  history.flatMap(({ state: { unitId, status }, validFrom, validTo }) => (unitId && status ? [{ unitId, status, validFrom, validTo }] : []));

/**
 * Adds to unit_figures what one person's change did to the figures: their contribution with the
 * history and records before, and after (domain personContribution), the difference applied.
 */
async function updateFigures<Tx extends SqlClient>(
  tx: Tx,
  schema: string,
  rules: readonly ScopedComplianceRule[],
  before: { history: readonly HistoryInterval<PersonState>[]; records: readonly HourRecord[] },
  after: { history: readonly HistoryInterval<PersonState>[]; records: readonly HourRecord[] },
): Promise<void> {
  const judge = await judgeFor(
    tx,
    schema,
    rules,
    [...before.history, ...after.history].flatMap((h) => (h.state.unitId ? [h.state.unitId] : [])),
  );
  const deltas = contributionDelta(
    personContribution(spansOf(before.history), before.records, judge),
    personContribution(spansOf(after.history), after.records, judge),
  );
  if (deltas.length > 0) await applyFigureDeltas(tx, schema, deltas);
}

/** The title rollup's view of a person's history: unit, status and title per interval. */
const titleSpansOf = (history: readonly HistoryInterval<PersonState>[]): TitleSpan[] =>
  history.flatMap(({ state: { unitId, status, titleSeries, titleLevel }, validFrom, validTo }) =>
    unitId && status ? [{ unitId, status, titleSeries: titleSeries ?? null, titleLevel: titleLevel ?? null, validFrom, validTo }] : [],
  );

async function recordProfessional<Tx extends SqlClient>(
  tx: Tx,
  schema: string,
  rules: readonly ScopedComplianceRule[],
  s: ProfessionalSnapshot,
  event: EventEnvelope<unknown>,
): Promise<void> {
  const occurredAt = new Date(event.occurredAt);
  await lockAggregate(tx, schema, "person_history", s.accountId);
  const before = await replicaHeld(tx, schema, s.accountId);
  await upsertProfessionalReplica(tx, schema, s.accountId, professionalReplicaRow(s, event.occurredAt));
  const after = await replicaHeld(tx, schema, s.accountId);
  // 专业技术人员信息查询's name grams follow the replica's name, status and unit.
  if (before?.name !== after?.name || before?.status !== after?.status || before?.unitId !== after?.unitId)
    await replaceNameGrams(tx, schema, s.accountId, before?.name ?? null);
  const [registeredBefore, registeredAfter] = [before?.registeredAt ?? null, after?.registeredAt ?? null];
  const held = await personHistory(tx, schema, s.accountId);
  const changes = historyChanges(held, personPoint(s, event.id, occurredAt));
  const sameRegistration = registeredBefore?.getTime() === registeredAfter?.getTime();
  if (changes.length === 0 && sameRegistration) return;
  const changed = new Map(changes.map((c) => [c.version, c]));
  const next = [...held.filter((h) => !changed.has(h.version)), ...changes].sort((a, b) => a.version - b.version);
  // 职称系列分布情况's rollup reads the history and the replica's registration instant.
  const titles = titleDelta(titleContribution(titleSpansOf(held), registeredBefore), titleContribution(titleSpansOf(next), registeredAfter));
  if (titles.length > 0) await applyTitleChanges(tx, schema, titles);
  if (changes.length === 0) return;
  await writePersonHistory(tx, schema, s.accountId, changes);
  const records = await personHourRecords(tx, schema, s.accountId);
  await updateFigures(tx, schema, rules, { history: held, records }, { history: next, records });
}

/**
 * ce.identity.professional.removed.v1 (批量导入 undone): the person leaves every read model as if
 * never registered — their title and unit figures' contributions taken back (after = no history),
 * then their history and replica rows deleted. A second delivery finds nothing held and changes nothing.
 */
async function removeProfessional<Tx extends SqlClient>(tx: Tx, schema: string, rules: readonly ScopedComplianceRule[], accountId: string): Promise<void> {
  await lockAggregate(tx, schema, "person_history", accountId);
  const replica = await replicaHeld(tx, schema, accountId);
  const registeredBefore = replica?.registeredAt ?? null;
  const held = await personHistory(tx, schema, accountId);
  const titles = titleDelta(titleContribution(titleSpansOf(held), registeredBefore), titleContribution([], null));
  if (titles.length > 0) await applyTitleChanges(tx, schema, titles);
  const records = await personHourRecords(tx, schema, accountId);
  await updateFigures(tx, schema, rules, { history: held, records }, { history: [], records });
  await tx.$executeRawUnsafe(`DELETE FROM ${quoteIdent(schema)}.person_history WHERE account_id = $1::uuid`, accountId);
  await tx.$executeRawUnsafe(`DELETE FROM ${quoteIdent(schema)}.professional_replica WHERE account_id = $1::uuid`, accountId);
  if (replica) await replaceNameGrams(tx, schema, accountId, replica.name);
}

/**
 * The handlers of CE_IDENTITY for `schema`: units (the shared unit replica, the registration
 * count of unit.created, the unit history) and professionals (the current replica and the history).
 */
export function identityHandlers<Tx extends SqlClient>(schema: string, rules: readonly ScopedComplianceRule[] = SEEDED_COMPLIANCE_RULES): EventHandler<Tx>[] {
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
    on<Tx, typeof def.data>(def, (tx, e) => recordProfessional(tx, schema, rules, e.data, e));
  // The replica's path changes move the units' rows between subtree nodes (subtree-attribution.ts).
  return combine<Tx>(schema, trackingUnitPaths(schema, replica), [
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
      recordProfessional(tx, schema, rules, e.data.professional, e),
    ),
    on<Tx, typeof identityEvents.professionalRemoved.data>(identityEvents.professionalRemoved, (tx, e) =>
      removeProfessional(tx, schema, rules, e.data.accountId),
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

/**
 * 学时证明 revoked by a voided record or a failed audit (issue 11 item 5): when `kind` is one that
 * stops hours counting and the person-year's valid proof no longer states its hours (sameHours
 * over proofYearHours of the records after the event), it becomes 已撤销 at the event's instant
 * with the reason (revocationReason). Order-free and safe to run again: a proof issued after the
 * change already states the new hours and stays valid.
 */
async function revokeStaleProof<Tx extends SqlClient>(
  tx: Tx,
  schema: string,
  kind: HourEventKind,
  e: EventEnvelope<DeclarationEvent>,
  records: readonly HourRecord[],
): Promise<void> {
  const reason = revocationReason(kind, e.data.reason);
  if (reason === null) return;
  const held = await validProofHours(tx, schema, e.data.accountId, e.data.year);
  if (held && !sameHours(held, proofYearHours(records, e.data.year))) await revokeProofRaw(tx, schema, held.id, new Date(e.occurredAt), reason);
}

/**
 * The handlers of CE_HOURS for `schema`: every declaration event merged into its hour record, and
 * the person's figures in unit_figures updated (under the person's lock, as identity's events take
 * it). With `revokeProofs` (the live consumer only: a rebuild's schema holds no proofs) a voided
 * record or failed audit also revokes the person-year's 学时证明 whose hours it changed.
 */
export function hoursHandlers<Tx extends SqlClient>(
  schema: string,
  rules: readonly ScopedComplianceRule[] = SEEDED_COMPLIANCE_RULES,
  opts: { revokeProofs?: boolean } = {},
): EventHandler<Tx>[] {
  return hourKinds.map(([kind, def]) =>
    on<Tx, z.ZodType<DeclarationEvent>>(def, async (tx, e) => {
      await lockReadModels(tx, schema);
      await lockAggregate(tx, schema, "hour_record", e.data.declarationId);
      await lockAggregate(tx, schema, "person_history", e.data.accountId);
      const records = await personHourRecords(tx, schema, e.data.accountId);
      const held = records.find((r) => r.declarationId === e.data.declarationId) ?? null;
      const merged = mergeHourEvent(held, kind, new Date(e.occurredAt), e.data);
      await writeHourRecord(tx, schema, merged);
      const outcome = outcomeFacts(kind, new Date(e.occurredAt), e.data);
      if (outcome) await mergeDeclarationOutcome(tx, schema, outcome);
      const hours = approvedHoursDelta(recordContribution(held), recordContribution(merged));
      if (hours.length > 0) await applyApprovedHoursDeltas(tx, schema, hours);
      const history = await personHistory(tx, schema, e.data.accountId);
      const after = [...records.filter((r) => r.declarationId !== merged.declarationId), merged];
      await updateFigures(tx, schema, rules, { history, records }, { history, records: after });
      if (opts.revokeProofs) await revokeStaleProof(tx, schema, kind, e, after);
    }),
  );
}

/** The handlers of each stream reporting consumes, for `schema`, judging 合格 by `rules` (default: the seeded ones). */
export function readModelHandlers<Tx extends SqlClient>(
  schema: string,
  rules: readonly ScopedComplianceRule[] = SEEDED_COMPLIANCE_RULES,
): Record<StreamName, EventHandler<Tx>[]> {
  return { CE_IDENTITY: identityHandlers<Tx>(schema, rules), CE_HOURS: hoursHandlers<Tx>(schema, rules) };
}
