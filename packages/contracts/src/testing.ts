// Fixtures of the contracts' shapes for every package's tests (pure: no I/O). Not exported from the
// package's main entry: `import { … } from "@ce/contracts/testing"`, in tests only.
import type { ProfessionalSnapshot } from "./events/identity.ts";

/**
 * A professional's snapshot as identity's professional.* events carry it, in `unit`: a fresh
 * registration at 2026-01-01 10:00 Beijing (PENDING, version 1, activated; 本科, 工程 中级, 工程师) with a new account id and
 * blind index. `over` replaces fields.
 */
export function professionalSnapshot(unit: { data: { unitId: string; path: string } }, over: Partial<ProfessionalSnapshot> = {}): ProfessionalSnapshot {
  return {
    accountId: crypto.randomUUID(),
    name: "张三",
    idType: "RESIDENT_ID",
    idNumberMasked: "3701021988****1234",
    idNumberHash: `hash-${crypto.randomUUID()}`,
    unitId: unit.data.unitId,
    unitPath: unit.data.path,
    departmentId: null,
    status: "PENDING",
    education: "BACHELOR",
    titleSeries: "ENGINEERING",
    titleLevel: "INTERMEDIATE",
    qualification: "工程师",
    major: "道路桥梁",
    certificateNo: null,
    registeredAt: "2026-01-01T02:00:00.000Z",
    activated: true,
    version: 1,
    ...over,
  };
}
