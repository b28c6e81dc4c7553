import { describe, expect, it } from "vitest";
import { generateResidentId, maskIdNumber } from "../validation/resident-id.ts";
import { ID_LOOKUP_SERVICES, idLookupLimits, MASKED_ID_CANDIDATES } from "./id-lookup.ts";

/** Every resident ID of `year` that fits the mask of `id` (same region, sequence and check character). */
function fitting(id: string): number {
  const year = Number(id.slice(6, 10));
  let n = 0;
  for (let day = new Date(Date.UTC(year, 0, 1)); day.getUTCFullYear() === year; day = new Date(day.getTime() + 86_400_000)) {
    if (maskIdNumber(generateResidentId(id.slice(0, 6), day, Number(id.slice(14, 17)))) === maskIdNumber(id)) n++;
  }
  return n;
}

describe("the 证件号 lookup budget (issue 8 fault 2)", () => {
  it.each([
    ["370102", 1990, 4, 17, 773],
    ["310101", 1988, 0, 1, 12],
    ["440305", 2000, 1, 29, 999],
    ["110105", 1975, 11, 31, 0],
    ["650102", 1964, 1, 29, 451],
  ])("a mask leaves at least MASKED_ID_CANDIDATES numbers open (%s, %i)", (region, year, month, day, sequence) => {
    const n = fitting(generateResidentId(region, new Date(Date.UTC(year, month, day)), sequence));
    expect(n).toBeGreaterThanOrEqual(MASKED_ID_CANDIDATES);
    expect(n).toBeLessThanOrEqual(35);
  });

  it("lets one account try fewer numbers in a day, over every service with a lookup, than a mask leaves open", () => {
    expect(idLookupLimits.perAccount.windowS).toBeGreaterThanOrEqual(24 * 3600);
    expect(ID_LOOKUP_SERVICES.length * idLookupLimits.perAccount.max).toBeLessThan(MASKED_ID_CANDIDATES);
  });

  it("keeps the per-address budget above one account's and below three's (several admins share an office)", () => {
    expect(idLookupLimits.perIp.max).toBeGreaterThan(idLookupLimits.perAccount.max);
    expect(idLookupLimits.perIp.max).toBeLessThan(3 * idLookupLimits.perAccount.max);
  });
});
