import { describe, expect, it } from "vitest";
import { assertMayControlCredentials, type CredentialController, type CredentialHoldings, mayControlCredentials } from "./credentials.ts";

// A tree: 省 /sd/ → 济南 /sd/jn/ → 公交 /sd/jn/bus/; 青岛 /sd/qd/ → 地铁 /sd/qd/metro/.
const unit = {
  sd: { unitId: "sd", unitPath: "/sd/" },
  jn: { unitId: "jn", unitPath: "/sd/jn/" },
  bus: { unitId: "bus", unitPath: "/sd/jn/bus/" },
  qd: { unitId: "qd", unitPath: "/sd/qd/" },
  metro: { unitId: "metro", unitPath: "/sd/qd/metro/" },
  // A sibling whose path starts with the same letters as 济南's id: a path prefix, not a string prefix of the id.
  jnx: { unitId: "jnx", unitPath: "/sd/jnx/" },
};
type U = keyof typeof unit;
const admin = (u: U, isSuper = false, accountId = `caller-${u}`): CredentialController => ({ accountId, isSuper, ...unit[u] });
const holds = (grant: U | null, prof: U | null, accountId = "target"): CredentialHoldings => ({
  accountId,
  adminGrant: grant ? unit[grant] : null,
  professional: prof ? unit[prof] : null,
});

describe("mayControlCredentials", () => {
  // [case, caller, target, allowed]
  const table: [string, CredentialController, CredentialHoldings, boolean][] = [
    ["the probe: an employer's admin over a province admin who is a professional of that employer", admin("bus", true), holds("sd", "bus"), false],
    ["a city admin over the same province admin", admin("jn", true), holds("sd", "bus"), false],
    ["the province super admin over its own admin", admin("sd", true), holds("sd", "bus"), true],
    ["a non-super province admin over a fellow province admin", admin("sd"), holds("sd", "bus"), false],
    ["a non-super city admin over a fellow city admin with no professional record", admin("jn"), holds("jn", null), false],
    ["the city super admin over its own admin", admin("jn", true), holds("jn", null), true],
    ["a city admin over a professional of an employer below", admin("jn"), holds(null, "bus"), true],
    ["an employer admin over its own professional", admin("bus"), holds(null, "bus"), true],
    ["a city admin over an employer's admin below", admin("jn"), holds("bus", "bus"), true],
    ["an employer admin over its own admin (not super)", admin("bus"), holds("bus", null), false],
    ["a sibling city over another city's professional", admin("qd", true), holds(null, "bus"), false],
    ["a sibling city over a person who is a professional there and an admin here", admin("qd", true), holds("qd", "bus"), false],
    ["an own-unit admin grant but a professional record outside the subtree", admin("metro", true), holds("metro", "bus"), false],
    ["a path sibling sharing the id's letters (/sd/jnx/ is not under /sd/jn/)", admin("jn", true), holds(null, "jnx"), false],
    ["an admin grant of a sibling sharing letters", admin("jn", true), holds("jnx", null), false],
    ["an account holding nothing (e.g. an unreviewed registration without a record)", admin("sd", true), holds(null, null), false],
    ["one's own account, even as the province super admin", admin("sd", true, "me"), holds("sd", "sd", "me"), false],
    ["the province over anyone below with both records below", admin("sd"), holds("metro", "bus"), true],
  ];
  it.each(table)("%s → %s", (_case, caller, target, allowed) => {
    expect(mayControlCredentials(caller, target)).toBe(allowed);
    if (allowed) expect(() => assertMayControlCredentials(caller, target)).not.toThrow();
    else expect(() => assertMayControlCredentials(caller, target, "accountId")).toThrow(expect.objectContaining({ kind: "FORBIDDEN", field: "accountId" }));
  });
});
