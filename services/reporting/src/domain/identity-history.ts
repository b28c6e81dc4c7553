import type { ProfessionalSnapshot, UnitMoved, UnitSnapshot } from "@ce/contracts";
import type { HistoryPoint } from "./history.ts";

/** What reporting keeps of a professional over time (reporting.person_history): where they were, registered or not, their title. */
export interface PersonState {
  unitId: string;
  status: ProfessionalSnapshot["status"];
  education: string | null;
  titleSeries: string | null;
  titleLevel: string | null;
  qualification: string | null;
}

/** What reporting keeps of a unit over time (reporting.unit_history); the path is rebuilt from superiors as of a date. */
export interface UnitState {
  superiorId: string | null;
  name: string;
  kind: UnitSnapshot["kind"];
  status: UnitSnapshot["status"];
  region: string | null;
  /** The path as the event stated it (a later move of an ancestor does not restate it). */
  path: string;
}

/** The history point of a professional event (registered, approved, rejected, updated, transferred): the whole state. */
export function personPoint(s: ProfessionalSnapshot, eventId: string, occurredAt: Date): HistoryPoint<PersonState> {
  return {
    version: s.version,
    eventId,
    occurredAt,
    patch: {
      unitId: s.unitId,
      status: s.status,
      education: s.education,
      titleSeries: s.titleSeries,
      titleLevel: s.titleLevel,
      qualification: s.qualification,
    },
  };
}

/** The history point of a unit.created / unit.updated snapshot: the whole state. */
export function unitSnapshotPoint(s: UnitSnapshot, eventId: string, occurredAt: Date): HistoryPoint<UnitState> {
  return {
    version: s.version,
    eventId,
    occurredAt,
    patch: { superiorId: s.superiorId, name: s.name, kind: s.kind, status: s.status, region: s.region, path: s.path },
  };
}

/** The history point of a unit.moved (更换上级部门): only the new superior and path; the rest carries over. */
export function unitMovedPoint(m: UnitMoved, eventId: string, occurredAt: Date): HistoryPoint<UnitState> {
  return { version: m.version, eventId, occurredAt, patch: { superiorId: m.newSuperiorId, path: m.newPath } };
}
