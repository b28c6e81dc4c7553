import { describe, expect, it } from "vitest";
import {
  generateResidentId,
  isValidResidentId,
  maskIdNumber,
  maskPhone,
  parseResidentId,
  type ResidentIdError,
  residentIdCheckCharacter,
  residentIdErrorMessages,
} from "./resident-id.ts";

function reasonOf(input: string, now?: Date): ResidentIdError | undefined {
  const r = parseResidentId(input, now);
  return r.ok ? undefined : r.reason;
}

describe("parseResidentId", () => {
  it("accepts the GB 11643 sample 11010519491231002X and extracts region, birth date and sex", () => {
    expect(parseResidentId("11010519491231002X")).toEqual({
      ok: true,
      value: { normalized: "11010519491231002X", regionCode: "110105", birthDate: "1949-12-31", sex: "F" },
    });
  });

  it("reports an odd sequence digit as male", () => {
    const r = parseResidentId("37010219900101773X");
    expect(r.ok && r.value.sex).toBe("M");
  });

  it("rejects 110105194912310021 because its check character should be X", () => {
    expect(reasonOf("110105194912310021")).toBe("CHECK_CHARACTER");
  });

  it("rejects the commonly cited 440524188001010014 on birth year even though its check character is right", () => {
    expect(residentIdCheckCharacter("44052418800101001")).toBe("4");
    expect(reasonOf("440524188001010014")).toBe("BIRTH_DATE");
  });

  it("normalizes a lowercase trailing x and surrounding whitespace", () => {
    const r = parseResidentId("  11010519491231002x ");
    expect(r.ok && r.value.normalized).toBe("11010519491231002X");
  });

  it("rejects a 15-digit first-generation number with LENGTH", () => {
    expect(reasonOf("110105491231002")).toBe("LENGTH");
  });

  it("rejects letters anywhere but the last position with FORMAT", () => {
    expect(reasonOf("1101051949123100A2")).toBe("FORMAT");
    expect(reasonOf("11010519491231002Y")).toBe("FORMAT");
  });

  it("rejects an unknown province prefix with REGION", () => {
    expect(reasonOf("990101199001017739")).toBe("REGION");
    expect(reasonOf("100101199001017730")).toBe("REGION");
  });

  it("accepts Hong Kong, Macao and Taiwan residence permit prefixes", () => {
    for (const prefix of ["810000", "820000", "830000", "710000"]) {
      expect(isValidResidentId(generateResidentId(prefix, new Date("1995-06-15"), 1))).toBe(true);
    }
  });

  it("accepts February 29 in a leap year", () => {
    expect(parseResidentId("110105200002291235").ok).toBe(true);
  });

  it("rejects February 29 in a non-leap year, including the century year 1900", () => {
    expect(reasonOf("110105199902291235")).toBe("BIRTH_DATE");
    expect(reasonOf("110105190002291239")).toBe("BIRTH_DATE");
  });

  it("rejects impossible months and days", () => {
    const first = "1101051990";
    for (const mmdd of ["1301", "0001", "0100", "0431"]) {
      const first17 = `${first}${mmdd}123`;
      expect(reasonOf(first17 + residentIdCheckCharacter(first17))).toBe("BIRTH_DATE");
    }
  });

  it("rejects birth years before 1900", () => {
    expect(reasonOf("110105189912310015")).toBe("BIRTH_DATE");
  });

  it("rejects a birth date after today in Beijing time", () => {
    const now = new Date("2025-06-01T12:00:00+08:00");
    expect(reasonOf("370202202506010015", now)).toBeUndefined();
    expect(reasonOf("370202202506020010", now)).toBe("BIRTH_DATE");
  });

  it("counts a birth on the Beijing date that is still yesterday in UTC as not in the future", () => {
    // 00:30 in Beijing on June 2 is 16:30 UTC on June 1.
    expect(reasonOf("370202202506020010", new Date("2025-06-01T16:30:00Z"))).toBeUndefined();
  });

  it("has a Chinese message for every error", () => {
    expect(residentIdErrorMessages.CHECK_CHARACTER).toBe("身份证号校验位不正确");
    expect(residentIdErrorMessages.BIRTH_DATE).toBe("身份证号中的出生日期无效");
    expect(residentIdErrorMessages.LENGTH).toBe("身份证号应为18位");
    expect(residentIdErrorMessages.FORMAT).toBe("身份证号格式不正确");
    expect(residentIdErrorMessages.REGION).toBe("身份证号地区码无效");
  });
});

describe("residentIdCheckCharacter", () => {
  it("computes X for a weighted sum of 2 mod 11", () => {
    expect(residentIdCheckCharacter("11010519491231002")).toBe("X");
  });

  it("throws on input that is not 17 digits", () => {
    expect(() => residentIdCheckCharacter("1101051949123100")).toThrow(RangeError);
    expect(() => residentIdCheckCharacter("1101051949123100A")).toThrow(RangeError);
  });
});

describe("generateResidentId", () => {
  it("always produces numbers that validate", () => {
    const regions = ["370102", "370202", "110105", "440305", "810000"];
    const start = Date.UTC(1900, 0, 1);
    const span = Date.UTC(2024, 11, 31) - start;
    for (let i = 0; i < 500; i++) {
      // Deterministic spread over dates and sequences keeps failures reproducible.
      const birth = new Date(start + Math.floor((((i * 7919) % 1000) / 1000) * span));
      const region = regions[i % regions.length] ?? "370102";
      const id = generateResidentId(region, birth, (i * 37) % 1000);
      expect(parseResidentId(id).ok, id).toBe(true);
    }
  });

  it("encodes region, UTC birth date and zero-padded sequence", () => {
    const id = generateResidentId("370102", new Date("1990-01-01"), 7);
    expect(id.slice(0, 17)).toBe("37010219900101007");
  });

  it("throws when the inputs cannot make a valid number", () => {
    expect(() => generateResidentId("3701", new Date("1990-01-01"), 1)).toThrow(RangeError);
    expect(() => generateResidentId("370102", new Date("1990-01-01"), 1000)).toThrow(RangeError);
    expect(() => generateResidentId("370102", new Date("1850-01-01"), 1)).toThrow(RangeError);
    expect(() => generateResidentId("990102", new Date("1990-01-01"), 1)).toThrow(RangeError);
  });
});

describe("maskIdNumber", () => {
  it("keeps the first 10 and last 4 characters of an 18-character number", () => {
    expect(maskIdNumber("310101199001017738")).toBe("3101011990****7738");
  });

  it("keeps about a third up front and the last 4 for other lengths", () => {
    expect(maskIdNumber("110105491231002")).toBe("11010******1002");
  });

  it("still hides something in very short input", () => {
    expect(maskIdNumber("123456")).toBe("12**56");
    expect(maskIdNumber("")).toBe("");
  });
});

describe("maskPhone", () => {
  it("reproduces the admin guide's 11-digit format with five stars", () => {
    expect(maskPhone("18700001155")).toBe("187*****55");
  });

  it("keeps the first 3 and last 2 digits for other lengths", () => {
    expect(maskPhone("053188886666")).toBe("053*******66");
    expect(maskPhone("88886666")).toBe("888***66");
  });

  it("still hides something in very short input", () => {
    expect(maskPhone("12345")).toBe("1***5");
  });
});
