import type { YearHours } from "../domain/compliance.ts";
import type { Db } from "./client.ts";

/** Recognised hours per year and subject of one person; only approved and filed records count. */
export async function hoursByYear(db: Db, professionalId: string, years: readonly number[]): Promise<Map<number, YearHours>> {
  const rows = await db.declaration.groupBy({
    by: ["year", "subject"],
    where: { professionalId, year: { in: [...years] }, status: { in: ["APPROVED", "FILED"] } },
    _sum: { recognizedHours: true },
  });
  const out = new Map<number, YearHours>(years.map((y) => [y, { general: 0, professional: 0 }]));
  for (const r of rows) {
    const h = out.get(r.year)!;
    if (r.subject === "GENERAL") h.general += r._sum.recognizedHours ?? 0;
    else h.professional += r._sum.recognizedHours ?? 0;
  }
  return out;
}

/** Every stored compliance rule (by year and/or region; few rows). */
export function complianceRules(db: Db) {
  return db.complianceRule.findMany();
}

/** The 行政区划 code of a person's unit, from the replicas; null when either is unknown. */
export async function regionOfProfessional(db: Db, accountId: string): Promise<string | null> {
  const person = await db.professionalReplica.findUnique({ where: { accountId }, select: { unitId: true } });
  const unit = person ? await db.unitReplica.findUnique({ where: { id: person.unitId }, select: { region: true } }) : null;
  return unit?.region ?? null;
}
