import type { ProfessionalSnapshot } from "@ce/contracts";

/** The replica row of a professional snapshot (reporting keeps no department). */
export function professionalReplicaRow(s: ProfessionalSnapshot, occurredAt: string) {
  return {
    name: s.name,
    idNumberMasked: s.idNumberMasked,
    idNumberHash: s.idNumberHash,
    unitId: s.unitId,
    unitPath: s.unitPath,
    status: s.status,
    education: s.education,
    titleSeries: s.titleSeries,
    titleLevel: s.titleLevel,
    qualification: s.qualification,
    major: s.major,
    certificateNo: s.certificateNo,
    registeredAt: new Date(s.registeredAt),
    activated: s.activated,
    version: s.version,
    updatedAt: new Date(occurredAt),
  };
}

/**
 * A path after its unit (or an ancestor) moved: the old prefix replaced by the new one; paths
 * outside the moved subtree stay as they are.
 */
export function movedPath(path: string, oldPrefix: string, newPrefix: string): string {
  return path.startsWith(oldPrefix) ? `${newPrefix}${path.slice(oldPrefix.length)}` : path;
}
