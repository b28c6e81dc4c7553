import { DomainError, parseResidentId, residentIdErrorMessages, type IdType } from "@ce/contracts";

/** One spelling per document number: no spaces, upper case (a trailing x becomes X). */
export function normalizeIdNumber(_idType: IdType, raw: string): string {
  return raw.normalize("NFKC").replace(/\s+/g, "").toUpperCase();
}

/**
 * Checks an ID number as typed on a form and returns its normalised form. Resident IDs get the
 * full GB 11643 check; other documents only a plausible shape, as their formats vary by issuer.
 */
export function validateIdNumber(idType: IdType, raw: string, field = "idNumber"): string {
  if (idType === "RESIDENT_ID") {
    const parsed = parseResidentId(raw);
    if (!parsed.ok) throw new DomainError("BAD_REQUEST", residentIdErrorMessages[parsed.reason], field);
    return parsed.value.normalized;
  }
  const normalized = normalizeIdNumber(idType, raw);
  if (!/^[A-Z0-9()-]{5,32}$/.test(normalized)) throw new DomainError("BAD_REQUEST", "证件号格式不正确", field);
  return normalized;
}
