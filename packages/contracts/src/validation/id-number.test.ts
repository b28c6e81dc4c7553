import { describe, expect, it } from "vitest";
import { IdType, idTypeLabels } from "../domain-codes.ts";
import {
  generateForeignPermanentResidentId,
  ID_NUMBER_IS_RESIDENT_ID_MESSAGE,
  parseForeignPermanentResidentId,
  parseIdNumber,
  parseSearchedIdNumber,
} from "./id-number.ts";
import { maskIdNumber, residentIdCheckCharacter } from "./resident-id.ts";

const NOW = new Date("2026-11-30T00:00:00Z");
// Invented: issued in Shandong (37) to a national of Germany (276), born 1985-06-15, sequence 123.
const FPR = generateForeignPermanentResidentId("37", "276", new Date("1985-06-15"), 123);
const withCheck = (first17: string) => first17 + residentIdCheckCharacter(first17);

describe("外国人永久居留身份证 (2023)", () => {
  it("is a 证件类型 with its label", () => {
    expect(IdType.options).toContain("FOREIGN_PERMANENT_RESIDENT");
    expect(idTypeLabels.FOREIGN_PERMANENT_RESIDENT).toBe("外国人永久居留身份证");
  });

  it("builds a number that starts with 9 and carries the birth date at positions 7–14", () => {
    expect(FPR).toMatch(/^937276198506151\d{2}[\dX]$/);
  });

  it.each([
    ["a generated number", FPR, { ok: true, normalized: FPR }],
    ["with full-width digits and spaces", ` ${FPR.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)))}\u3000`, { ok: true, normalized: FPR }],
    ["an X check character typed in lower case", withCheck("93115619900101004").toLowerCase(), { ok: true, normalized: withCheck("93115619900101004") }],
    ["17 characters", FPR.slice(0, 17), { ok: false, reason: "LENGTH" }],
    ["the 2017 15-character card", "USA310090051012", { ok: false, reason: "LENGTH" }],
    ["a resident ID (first digit 1–8)", "37010219770120000X", { ok: false, reason: "FORMAT" }],
    ["a letter inside", `9A${FPR.slice(2)}`, { ok: false, reason: "FORMAT" }],
    ["issuing province 71 (not a mainland issuer)", withCheck("97127619850615123"), { ok: false, reason: "REGION" }],
    ["issuing province 00", withCheck("90027619850615123"), { ok: false, reason: "REGION" }],
    ["birth date 1985-02-30", withCheck("93727619850230123"), { ok: false, reason: "BIRTH_DATE" }],
    ["birth date in the future", withCheck("93727620300101123"), { ok: false, reason: "BIRTH_DATE" }],
    ["a wrong check character", FPR.slice(0, 17) + (FPR.endsWith("0") ? "1" : "0"), { ok: false, reason: "CHECK_CHARACTER" }],
  ])("%s", (_what, typed, expected) => {
    expect(parseForeignPermanentResidentId(typed, NOW)).toEqual(expected);
  });

  it("is masked like a resident ID", () => {
    expect(maskIdNumber(FPR)).toBe(`${FPR.slice(0, 10)}****${FPR.slice(14)}`);
  });
});

describe("parseIdNumber for an existing account (登录, 忘记密码)", () => {
  it("still reads a resident ID number under another type, so an account made before the rule can sign in", () => {
    expect(parseIdNumber("PASSPORT", "37010219770120000x", NOW, { existing: true })).toEqual({ ok: true, normalized: "37010219770120000X" });
    expect(parseIdNumber("PASSPORT", "护照", NOW, { existing: true })).toEqual({ ok: false, message: "证件号格式不正确" });
  });
});

describe("parseIdNumber by 证件类型", () => {
  it.each<[IdType, string, { ok: true; normalized: string } | { ok: false; message: string }]>([
    ["RESIDENT_ID", "３７０１０２１９７７０１２００００ｘ", { ok: true, normalized: "37010219770120000X" }],
    ["RESIDENT_ID", "370102197701200001", { ok: false, message: "身份证号校验位不正确" }],
    ["FOREIGN_PERMANENT_RESIDENT", FPR, { ok: true, normalized: FPR }],
    ["FOREIGN_PERMANENT_RESIDENT", "37010219770120000X", { ok: false, message: "外国人永久居留身份证号应以9开头，前17位为数字" }],
    ["PASSPORT", "e1234\u00A05678", { ok: true, normalized: "E12345678" }],
    ["PASSPORT", "USA310090051012", { ok: true, normalized: "USA310090051012" }],
    ["PASSPORT", "护照", { ok: false, message: "证件号格式不正确" }],
    ["HK_MACAO_PERMIT", "ｈ１２３４５６７８", { ok: true, normalized: "H12345678" }],
    ["TAIWAN_PERMIT", "1234", { ok: false, message: "证件号格式不正确" }],
    ["OFFICER_ID", "南字第–12345号", { ok: false, message: "证件号格式不正确" }],
    // A valid resident ID number under any other type (the probe: 护照 and 港澳通行证 beside a 身份证 account), typed or pasted.
    ["PASSPORT", "37010219770120000X", { ok: false, message: ID_NUMBER_IS_RESIDENT_ID_MESSAGE }],
    ["HK_MACAO_PERMIT", "37010219770120000x", { ok: false, message: ID_NUMBER_IS_RESIDENT_ID_MESSAGE }],
    ["TAIWAN_PERMIT", "３７０１０２１９７７０１２００００Ｘ", { ok: false, message: ID_NUMBER_IS_RESIDENT_ID_MESSAGE }],
    ["OFFICER_ID", "370102-19770120-000X", { ok: false, message: ID_NUMBER_IS_RESIDENT_ID_MESSAGE }],
    ["PASSPORT", "370102\u200d19770120000X", { ok: false, message: ID_NUMBER_IS_RESIDENT_ID_MESSAGE }],
    // Near misses stay other documents: a wrong check character, an 18-digit foreign card number, 17 characters.
    ["PASSPORT", "370102197701200001", { ok: true, normalized: "370102197701200001" }],
    ["PASSPORT", FPR, { ok: true, normalized: FPR }],
    ["HK_MACAO_PERMIT", "37010219770120000", { ok: true, normalized: "37010219770120000" }],
  ])("%s %s", (idType, typed, expected) => {
    expect(parseIdNumber(idType, typed, NOW)).toEqual(expected);
  });
});

describe("parseSearchedIdNumber: a 证件号 typed into a search without its 证件类型", () => {
  const now = new Date("2026-11-30T12:00:00Z");
  it.each([
    ["370102197701200001", "身份证号校验位不正确"],
    ["37010219770120000", "身份证号应为18位"],
    ["3701021977012000011", "身份证号应为18位"],
    ["370102197702300001", "身份证号中的出生日期无效"],
    ["000102197701200001", "身份证号地区码无效"],
    ["E12#45678", "证件号格式不正确"],
    ["12", "证件号格式不正确"],
  ])("refuses %s: %s", (typed, message) => {
    expect(parseSearchedIdNumber(typed, now)).toEqual({ ok: false, message });
  });

  it.each([
    ["３７０１０２ １９７７０１２０ ０００ｘ", "37010219770120000X"],
    ["E12345678", "E12345678"],
    ["370102770120001", "370102770120001"],
    ["c1234 5678", "C12345678"],
  ])("takes %s as %s", (typed, normalized) => {
    expect(parseSearchedIdNumber(typed, now)).toEqual({ ok: true, normalized });
  });

  it("reads a GB 11643-shaped number starting with 9 as a 外国人永久居留身份证", () => {
    const id = generateForeignPermanentResidentId("37", "156", new Date(Date.UTC(1980, 0, 2)), 7);
    expect(parseSearchedIdNumber(id, now)).toEqual({ ok: true, normalized: id });
    expect(parseSearchedIdNumber(`${id.slice(0, 17)}${id.endsWith("1") ? "2" : "1"}`, now)).toEqual({
      ok: false,
      message: "外国人永久居留身份证号校验位不正确",
    });
  });
});
