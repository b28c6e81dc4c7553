import { fromDateColumn } from "@ce/contracts";
import { type AnomalyCode, anomalyFlags, type ClaimFacts } from "../domain/anomalies.ts";
import type { Db } from "./client.ts";
import { COUNTING } from "./declarations.ts";

const facts = {
  id: true,
  professionalId: true,
  className: true,
  requestedHours: true,
  startDate: true,
  endDate: true,
  attachments: { select: { sha256: true } },
} as const;

type Row = { id: string; professionalId: string; className: string; requestedHours: number; startDate: Date; endDate: Date; attachments: { sha256: string }[] };
const toFacts = (r: Row): ClaimFacts => ({
  id: r.id,
  professionalId: r.professionalId,
  className: r.className,
  requestedHours: r.requestedHours,
  startDate: fromDateColumn(r.startDate),
  endDate: fromDateColumn(r.endDate),
  attachmentHashes: r.attachments.map((a) => a.sha256),
});

/**
 * Anomaly hints for some declarations, checked against every live declaration (pending or
 * granted) sharing a person, a class name or an attachment hash. Only the hint leaves, never the other record.
 */
export async function anomaliesOf(db: Db, ids: readonly string[]): Promise<Map<string, AnomalyCode[]>> {
  if (ids.length === 0) return new Map();
  const targets = (await db.declaration.findMany({ where: { id: { in: [...ids] } }, select: facts })).map(toFacts);
  const others = (
    await db.declaration.findMany({
      where: {
        status: { in: COUNTING },
        OR: [
          { professionalId: { in: [...new Set(targets.map((t) => t.professionalId))] } },
          { className: { in: [...new Set(targets.map((t) => t.className))] } },
          { attachments: { some: { sha256: { in: targets.flatMap((t) => [...t.attachmentHashes]) } } } },
        ],
      },
      select: facts,
      take: 5000,
    })
  ).map(toFacts);
  return new Map(targets.map((t) => [t.id, anomalyFlags(t, others)]));
}
