import { describe, expect, it } from "vitest";
import { normalizeIdNumber, validateIdNumber } from "./id-number.ts";

describe("ID numbers on forms", () => {
  it("normalises a resident ID's trailing x and surrounding spaces", () => {
    expect(validateIdNumber("RESIDENT_ID", " 37010219770120000x ")).toBe("37010219770120000X");
  });

  it("refuses a resident ID with a wrong check character on the idNumber field", () => {
    expect(() => validateIdNumber("RESIDENT_ID", "370102197701200001")).toThrow("身份证号校验位不正确");
  });

  it("accepts other documents of a plausible shape", () => {
    expect(validateIdNumber("PASSPORT", "e1234 5678")).toBe("E12345678");
    expect(() => validateIdNumber("PASSPORT", "护照")).toThrow("证件号格式不正确");
  });

  it("folds full-width characters so a typed number is found again", () => {
    expect(normalizeIdNumber("RESIDENT_ID", "３７０１０２")).toBe("370102");
  });
});

describe("ID numbers pasted from other software", () => {
  it.each([
    ["full-width digits and X", "RESIDENT_ID", "３７０１０２１９７７０１２００００Ｘ", "37010219770120000X"],
    ["an ideographic space and a zero-width space", "RESIDENT_ID", "370102\u300019770120\u200B000x", "37010219770120000X"],
    ["a full-width hyphen in a permit number", "HK_MACAO_PERMIT", "H1234－5678", "H1234-5678"],
    ["an em dash in a passport number", "PASSPORT", "E1234—5678", "E1234-5678"],
  ] as const)("validates %s and indexes it like the clean number", (_what, idType, typed, clean) => {
    expect(validateIdNumber(idType, typed)).toBe(clean);
    expect(normalizeIdNumber(idType, typed)).toBe(clean);
  });
});
