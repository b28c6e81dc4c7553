// Envelopes of identity and hours events at chosen instants, for fixtures whose "as of" answers are computed by hand.
import { randomUUID } from "node:crypto";
import type { DeclarationEvent, ProfessionalSnapshot, Subject, UnitMoved } from "@ce/contracts";
import { professionalSnapshot } from "@ce/contracts/testing";
import { eventually, testEnvelope, unitEnvelope } from "@ce/service-kit/testing";
import { expect } from "vitest";
import { bootReporting, type ReportingSystem } from "./boot.ts";

/** An envelope of `type` that happened at `occurredAt` (ISO instant). */
export const envelopeAt = <T>(type: string, occurredAt: string, data: T) => ({ ...testEnvelope(type, data), occurredAt });

type UnitSpec = Parameters<typeof unitEnvelope>[1];

/** A unit.created envelope at `occurredAt`. */
export const unitCreatedAt = (occurredAt: string, spec: UnitSpec) => ({ ...unitEnvelope("ce.identity.unit.created.v1", spec), occurredAt });

/** A unit.created envelope at `occurredAt` for a unit directly under `superior` (its id and path taken from that unit's envelope). */
export const unitUnderAt = (occurredAt: string, superior: { data: { unitId: string; path: string } }, spec: UnitSpec) =>
  unitCreatedAt(occurredAt, { ...spec, superiorId: superior.data.unitId, superiorPath: superior.data.path });

/**
 * An enterprise unit created at `occurredAt` directly under `superior`: a 用人单位 unless `kind` says
 * otherwise, in the superior's region unless `region` says which.
 */
export const enterpriseUnderAt = (
  occurredAt: string,
  superior: ReturnType<typeof unitCreatedAt>,
  name: string,
  opts: { kind?: "EMPLOYER" | "TRAINING_BASE"; region?: string } = {},
) => unitUnderAt(occurredAt, superior, { name, kind: opts.kind ?? "EMPLOYER", nature: "ENTERPRISE", region: opts.region ?? superior.data.region });

/** 2024-01-01 09:00 in Beijing: when the fixtures' units are created, long before any of their people or hours. */
export const JAN = "2024-01-01T01:00:00.000Z";

/**
 * The province and its two cities, created at `occurredAt`: 山东省交通运输厅 over 济南市交通运输局
 * (370100) and 青岛市交通运输局 (370200). Fresh ids on every call.
 */
export function provinceCitiesAt(occurredAt: string) {
  const province = unitCreatedAt(occurredAt, { name: "山东省交通运输厅", region: "370000" });
  const city = (name: string, region: string) => unitUnderAt(occurredAt, province, { name, region });
  return { province, jinan: city("济南市交通运输局", "370100"), qingdao: city("青岛市交通运输局", "370200") };
}

/**
 * The units most fixtures start from, created at `occurredAt`: provinceCitiesAt's three and, under
 * 济南市交通运输局, 济南公交集团 (an enterprise 用人单位 in 历下区). Fresh ids on every call.
 */
export function jinanBusTree(occurredAt: string) {
  const { province, jinan, qingdao } = provinceCitiesAt(occurredAt);
  return { province, jinan, qingdao, bus: enterpriseUnderAt(occurredAt, jinan, "济南公交集团", { region: "370102" }) };
}

/** A unit.moved envelope at `occurredAt`. */
export const unitMovedAt = (occurredAt: string, moved: UnitMoved) => envelopeAt("ce.identity.unit.moved.v1", occurredAt, moved);

/** professionalSnapshot named `name` in `unit` (PENDING, version 1); `over` replaces fields. */
export const professional = (name: string, unit: { data: { unitId: string; path: string } }, over: Partial<ProfessionalSnapshot> = {}): ProfessionalSnapshot =>
  professionalSnapshot(unit, { name, ...over });

/** A professional event (registered / approved / rejected / updated) at `occurredAt`. */
export const professionalAt = (verb: "registered" | "approved" | "rejected" | "updated", occurredAt: string, s: ProfessionalSnapshot) =>
  envelopeAt(`ce.identity.professional.${verb}.v1`, occurredAt, s);

/** A professional.transferred event at `occurredAt`, with the snapshot after the move. */
export const transferredAt = (occurredAt: string, before: ProfessionalSnapshot, after: ProfessionalSnapshot) =>
  envelopeAt("ce.identity.professional.transferred.v1", occurredAt, {
    transferId: randomUUID(),
    professional: after,
    fromUnitId: before.unitId,
    toUnitId: after.unitId,
  });

/**
 * A new declaration (fresh id, PENDING, 岗位培训 v1) of `hours` 学时 by `person` in their unit for
 * `year`, as hours' declaration events carry it; `over` replaces fields.
 */
export function pendingDeclaration(
  person: ProfessionalSnapshot,
  year: number,
  subject: Subject,
  hours: number,
  over: Partial<DeclarationEvent> = {},
): DeclarationEvent {
  return {
    declarationId: randomUUID(),
    accountId: person.accountId,
    professionalName: person.name,
    unitId: person.unitId,
    unitPath: person.unitPath,
    year,
    subject,
    formCode: "JOB_TRAINING",
    formVersion: 1,
    requestedHours: hours,
    computedHours: hours,
    recognizedHours: null,
    status: "PENDING",
    currentHandlerId: null,
    reason: null,
    ...over,
  };
}

/** One declaration of `person` for `year`: the events of its life, each at a chosen instant. */
export function declaration(person: ProfessionalSnapshot, year: number, subject: Subject, hours: number) {
  const base = pendingDeclaration(person, year, subject, hours);
  const at = (verb: string, occurredAt: string, data: Partial<DeclarationEvent>) =>
    envelopeAt(`ce.hours.declaration.${verb}.v1`, occurredAt, { ...base, ...data });
  return {
    id: base.declarationId,
    submitted: (t: string) => at("submitted", t, {}),
    approved: (t: string) => at("approved", t, { status: "APPROVED", recognizedHours: hours }),
    rejected: (t: string) => at("rejected", t, { status: "REJECTED", reason: "材料不全" }),
    audited: (t: string) => at("audited", t, { status: "FILED", recognizedHours: hours }),
    auditFailed: (t: string) => at("auditFailed", t, { status: "VOIDED", recognizedHours: hours, reason: "证书不符" }),
    voided: (t: string) => at("voided", t, { status: "VOIDED", recognizedHours: hours, reason: "证书不符" }),
  };
}

type System = ReportingSystem;

/**
 * Publishes `events` in the order given, each on its own stream (hours' `ce.hours.…` events on
 * CE_HOURS, the rest on CE_IDENTITY, as the stand-in producers own them), then waits until
 * reporting has settled every message (`settled`).
 */
export async function publishSettled(sys: System, events: readonly { id: string; type: string }[]): Promise<void> {
  for (const e of events) await (e.type.startsWith("ce.hours.") ? sys.hours : sys.producer).publish(e);
  await settled(sys);
}

/**
 * A reporting system (`bootReporting(label, opts)`) fed `batches` in turn: each published in the
 * order given and settled before the next (`publishSettled`), so a test chooses which events
 * reporting sees before which.
 */
export async function bootFed(label: string, batches: readonly (readonly { id: string; type: string }[])[], opts: Parameters<typeof bootReporting>[1] = {}) {
  const sys = await bootReporting(label, opts);
  for (const batch of batches) await publishSettled(sys, batch);
  return sys;
}

/** Waits until reporting's consumers of both streams have taken and settled every message. */
export async function settled(sys: System): Promise<void> {
  await eventually(async () => {
    for (const stream of ["CE_IDENTITY", "CE_HOURS"] as const) {
      const name = sys.naming.stream(stream);
      const [s, c] = await Promise.all([sys.producer.jsm.streams.info(name), sys.producer.jsm.consumers.info(name, sys.naming.consumer("reporting", stream))]);
      expect(c.delivered.stream_seq).toBe(s.state.last_seq);
      expect(c.num_pending).toBe(0);
      expect(c.num_ack_pending).toBe(0);
    }
  }, 20_000);
}
