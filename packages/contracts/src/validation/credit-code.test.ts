import { describe, expect, it } from "vitest";
import {
  CREDIT_CODE_CHARSET,
  CREDIT_CODE_CONFIRM_MESSAGE,
  creditCodeCheckCharacter,
  generateCreditCode,
  isConfirmableCodeMismatch,
  isValidCreditCode,
  isValidOrgCode,
  orgCodeCheckCharacter,
  parseUnitCode,
  type UnitCodeError,
  unitCodeErrorMessages,
} from "./credit-code.ts";

function reasonOf(input: string): UnitCodeError | undefined {
  const r = parseUnitCode(input);
  return r.ok ? undefined : r.reason;
}

// Published codes whose check characters were recomputed independently before being listed here.
const REAL_CREDIT_CODES = ["91350100M000100Y43", "91110000600037341L", "12440600MB2C07549J"];

describe("parseUnitCode with unified social credit codes", () => {
  it.each(REAL_CREDIT_CODES)("accepts the published code %s", (code) => {
    expect(parseUnitCode(code)).toEqual({ ok: true, value: { kind: "CREDIT_CODE", normalized: code, checkMismatch: false } });
  });

  it("computes the published check characters", () => {
    expect(creditCodeCheckCharacter("91350100M000100Y4")).toBe("3");
    expect(creditCodeCheckCharacter("91110000600037341")).toBe("L");
    expect(creditCodeCheckCharacter("12440600MB2C07549")).toBe("J");
  });

  it("normalizes lowercase input and surrounding whitespace", () => {
    const r = parseUnitCode(" 91350100m000100y43 ");
    expect(r.ok && r.value.normalized).toBe("91350100M000100Y43");
  });

  it("rejects a wrong check character", () => {
    expect(reasonOf("91350100M000100Y44")).toBe("CREDIT_CODE_CHECK_CHARACTER");
  });

  it("rejects the admin guide's placeholder 123456454645645645", () => {
    expect(isValidCreditCode("123456454645645645")).toBe(false);
  });

  it("rejects pre-2016 Xiamen codes that do not follow the GB 32100 check rule", () => {
    // Known real code whose last character should be J per the standard; we follow the standard.
    expect(reasonOf("91350203M0001FUE2P")).toBe("CREDIT_CODE_CHECK_CHARACTER");
  });

  it.each(["I", "O", "Z", "S", "V"])("rejects the forbidden letter %s with FORMAT", (letter) => {
    expect(reasonOf(`91350100${letter}000100Y43`)).toBe("FORMAT");
  });

  it("rejects letters in the region part with FORMAT", () => {
    expect(reasonOf("913501A0M000100Y43")).toBe("FORMAT");
  });

  it("rejects a code whose outer check passes but whose embedded org code check fails", () => {
    const first17 = "91350100M000100Y5";
    const code = first17 + creditCodeCheckCharacter(first17);
    expect(reasonOf(code)).toBe("EMBEDDED_ORG_CODE_CHECK_CHARACTER");
  });

  it("rejects lengths that are neither 18 nor 9", () => {
    expect(reasonOf("91350100M000100Y4")).toBe("LENGTH");
    expect(reasonOf("91350100M000100Y433")).toBe("LENGTH");
    expect(reasonOf("")).toBe("LENGTH");
  });
});

describe("parseUnitCode with organisation codes", () => {
  it("accepts the hyphenated form", () => {
    expect(parseUnitCode("D2143569-X")).toEqual({ ok: true, value: { kind: "ORG_CODE", normalized: "D2143569-X", checkMismatch: false } });
  });

  it("accepts the form without hyphen and lowercase, normalizing to XXXXXXXX-X", () => {
    const r = parseUnitCode("d2143569x");
    expect(r.ok && r.value.normalized).toBe("D2143569-X");
  });

  it.each(["M000100Y-4", "60003734-1", "MB2C0754-9"])("accepts %s taken from a published credit code", (code) => {
    expect(isValidOrgCode(code)).toBe(true);
  });

  it("rejects a wrong check character", () => {
    expect(reasonOf("D2143569-1")).toBe("ORG_CODE_CHECK_CHARACTER");
  });

  it("rejects a check character other than a digit or X", () => {
    expect(reasonOf("D2143569-A")).toBe("FORMAT");
  });

  it("rejects a misplaced hyphen with LENGTH", () => {
    expect(reasonOf("D214356-9X")).toBe("LENGTH");
  });

  it("rejects a hyphen standing in for the check character with FORMAT", () => {
    expect(reasonOf("D2143569-")).toBe("FORMAT");
  });
});

describe("check character helpers", () => {
  it("maps a remainder of 10 to X and 11 to 0 in org codes", () => {
    expect(orgCodeCheckCharacter("D2143569")).toBe("X");
    expect(orgCodeCheckCharacter("00000000")).toBe("0");
  });

  it("values org-code letters from A=10 even where the credit-code charset skips letters", () => {
    // M is 22 under GB 11714 but index 21 in the credit-code charset; using the latter would give 1.
    expect(orgCodeCheckCharacter("MB2C0754")).toBe("9");
  });

  it("throws on malformed input", () => {
    expect(() => creditCodeCheckCharacter("91350100I000100Y4")).toThrow(RangeError);
    expect(() => creditCodeCheckCharacter("91350100M000100Y")).toThrow(RangeError);
    expect(() => orgCodeCheckCharacter("d2143569")).toThrow(RangeError);
  });
});

describe("generateCreditCode", () => {
  it("reproduces a published code from its parts", () => {
    expect(generateCreditCode("350100", "M000100Y")).toBe("91350100M000100Y43");
    expect(generateCreditCode("440600", "MB2C0754", "12")).toBe("12440600MB2C07549J");
  });

  it("always produces codes that validate", () => {
    const regions = ["370000", "370102", "370202", "371700"];
    for (let i = 0; i < 300; i++) {
      let body = "";
      for (let j = 0; j < 8; j++) {
        body += CREDIT_CODE_CHARSET.charAt((i * 7 + j * 13 + i * j) % CREDIT_CODE_CHARSET.length);
      }
      const code = generateCreditCode(regions[i % regions.length] ?? "370000", body, i % 2 === 0 ? "91" : "12");
      expect(isValidCreditCode(code), code).toBe(true);
    }
  });

  it("throws on malformed parts", () => {
    expect(() => generateCreditCode("3701", "M000100Y")).toThrow(RangeError);
    expect(() => generateCreditCode("370102", "M000100I")).toThrow(RangeError);
    expect(() => generateCreditCode("370102", "M000100Y", "9")).toThrow(RangeError);
  });
});

describe("unitCodeErrorMessages", () => {
  it("gives the Chinese messages the forms show", () => {
    expect(unitCodeErrorMessages.CREDIT_CODE_CHECK_CHARACTER).toBe("统一社会信用代码校验位不符，请与营业执照核对后确认");
    expect(unitCodeErrorMessages.ORG_CODE_CHECK_CHARACTER).toBe("组织机构代码校验位不正确");
    expect(unitCodeErrorMessages.LENGTH).toBe("机构代码/统一社会信用代码应为18位统一社会信用代码或9位组织机构代码（XXXXXXXX-X）");
  });
});

describe("credit codes with a wrong check character (issued before 2016)", () => {
  const XIAMEN = "91350203M0001QKT19";

  it.each([
    ["the Xiamen code as typed", XIAMEN, "CREDIT_CODE_CHECK_CHARACTER"],
    ["the Xiamen code pasted in full width", "９１３５０２０３Ｍ０００１ＱＫＴ１９", "CREDIT_CODE_CHECK_CHARACTER"],
    ["an invented code whose embedded org check is wrong", "91370102M00010020" + "X", undefined],
  ])("%s is refused without confirmation", (_what, typed, reason) => {
    const r = parseUnitCode(typed);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      if (reason) expect(r.reason).toBe(reason);
      expect(isConfirmableCodeMismatch(r.reason)).toBe(true);
      expect(unitCodeErrorMessages[r.reason]).toBe(CREDIT_CODE_CONFIRM_MESSAGE);
    }
  });

  it("is accepted and flagged once the applicant confirms it", () => {
    expect(parseUnitCode(` ${XIAMEN.toLowerCase()} `, { acceptCheckMismatch: true })).toEqual({
      ok: true,
      value: { kind: "CREDIT_CODE", normalized: XIAMEN, checkMismatch: true },
    });
  });

  it("a correct code is never flagged, confirmed or not", () => {
    expect(parseUnitCode("91350100M000100Y43", { acceptCheckMismatch: true })).toEqual({
      ok: true,
      value: { kind: "CREDIT_CODE", normalized: "91350100M000100Y43", checkMismatch: false },
    });
  });

  it.each([
    ["17 characters", "91350203M0001QKT1", "LENGTH"],
    ["a forbidden letter I", "91350203I0001QKT19", "FORMAT"],
    ["a letter in the region digits", "9135020AM0001QKT19", "FORMAT"],
    ["an org code with a wrong check character", "D2143569-1", "ORG_CODE_CHECK_CHARACTER"],
  ])("format and org codes stay strict even when confirmed: %s", (_what, typed, reason) => {
    expect(parseUnitCode(typed, { acceptCheckMismatch: true })).toEqual({ ok: false, reason });
  });
});
