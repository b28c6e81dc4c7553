// Declarations written straight to the database, for tests and benches that need many of them.
import { randomUUID } from "node:crypto";
import type { Db } from "../../src/db/client.ts";

/** `count` pending 岗位培训 declarations of one person, waiting at `chain[stepIndex]`, declared by `declaredBy` (default: an account of its own). */
export async function seedPendingDeclarations(
  db: Db,
  opts: {
    count: number;
    professional: { accountId: string; name: string; unitId: string; unitPath: string };
    chain: { id: string; name: string }[];
    stepIndex: number;
    declaredBy?: string;
  },
): Promise<string[]> {
  const version = await db.learningFormVersion.findFirstOrThrow({ where: { form: { code: "JOB_TRAINING" } }, orderBy: { version: "asc" } });
  const ids = Array.from({ length: opts.count }, () => randomUUID());
  await db.declaration.createMany({
    data: ids.map((id, i) => ({
      id,
      professionalId: opts.professional.accountId,
      professionalName: opts.professional.name,
      unitId: opts.professional.unitId,
      unitPath: opts.professional.unitPath,
      year: 2026,
      formVersionId: version.id,
      schoolName: "培训中心",
      className: `批量培训班${i}`,
      startDate: new Date("2026-03-01T00:00:00Z"),
      endDate: new Date("2026-03-02T00:00:00Z"),
      score: "合格",
      subject: "PROFESSIONAL",
      details: {},
      requestedHours: 8,
      computedHours: 8,
      explanation: "按实际学时计算：8学时",
      chain: opts.chain,
      stepIndex: opts.stepIndex,
      currentHandlerId: opts.chain[opts.stepIndex]!.id,
      status: "PENDING",
      declaredBy: opts.declaredBy ?? randomUUID(),
    })),
  });
  return ids;
}
