import { pathIds } from "@ce/contracts";

export interface ChainUnit {
  id: string;
  name: string;
  kind: "AUTHORITY" | "EMPLOYER" | "TRAINING_BASE";
}

/**
 * The units a declaration climbs, in order: the declaring person's own unit first when it is an
 * employer or CE base (its admins check the claim), then every supervising department above it
 * up to the province. `maxAuthorityLevels` cuts the chain for regions that stop at the city.
 */
export function approvalChain(unitPath: string, units: ReadonlyMap<string, ChainUnit>, maxAuthorityLevels = Infinity): ChainUnit[] {
  const upward = pathIds(unitPath)
    .reverse()
    .map((id) => units.get(id))
    .filter((u): u is ChainUnit => u !== undefined);
  const [own, ...above] = upward;
  if (!own) return [];
  const authorities = (own.kind === "AUTHORITY" ? upward : above).filter((u) => u.kind === "AUTHORITY").slice(0, maxAuthorityLevels);
  return own.kind === "AUTHORITY" ? authorities : [own, ...authorities];
}
