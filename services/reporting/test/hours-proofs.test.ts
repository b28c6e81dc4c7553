// 学时证明 (issue 11 item 5) through the running service: issued for a professional by themselves
// and by their admin, answered again while the figures stand, revoked by a voided record and by a
// failed audit (the hours consumer, without anyone asking) and by a reissue with other figures;
// the public verification by code, a forged code, the per-address budget; the PDF.
import { randomBytes } from "node:crypto";
import {
  generateResidentId,
  type HoursProof,
  maskIdNumber,
  PROOF_CODE_PATTERN,
  PROOF_VERIFY_TOO_MANY_MESSAGE,
  proofVerifyLimit,
  sessionKeys,
} from "@ce/contracts";
import { adminScope, serviceClient, type signIn, testPrincipal } from "@ce/service-kit/testing";
import { describe, expect, it } from "vitest";
import type { ReportingRouter } from "../src/routers/index.ts";
import { adminClient, useReporting } from "./support/boot.ts";
import { bootFed, declaration, JAN, jinanBusTree, professional, professionalAt, publishSettled } from "./support/events.ts";
import { refusal } from "./support/refusal.ts";

const NOW = new Date("2026-11-30T02:00:00.000Z");
const { province, jinan, qingdao, bus } = jinanBusTree(JAN);
const ID = generateResidentId("370102", new Date(Date.UTC(1988, 2, 9)), 415);
const person = professional("王小明", bus, { status: "APPROVED", idNumberMasked: maskIdNumber(ID), registeredAt: "2025-01-05T02:00:00.000Z" });
const other = professional("李四", bus, { status: "APPROVED", registeredAt: "2025-01-05T02:00:00.000Z" });

// 2026: 公需 30, 专业 60 + 20 → 110 学时, 合格. `voidable` is voided later, `auditable` fails its audit.
const general = declaration(person, 2026, "GENERAL", 30);
const auditable = declaration(person, 2026, "PROFESSIONAL", 60);
const voidable = declaration(person, 2026, "PROFESSIONAL", 20);
const later = declaration(person, 2026, "PROFESSIONAL", 10);

const t = useReporting(async () => {
  const people = [person, other].map((p) => professionalAt("registered", "2025-01-05T02:00:00.000Z", p));
  const hours = [general, auditable, voidable].flatMap((d) => [d.submitted("2026-03-01T02:00:00.000Z"), d.approved("2026-03-10T02:00:00.000Z")]);
  return { sys: await bootFed("hoursproofs", [[province, jinan, qingdao, bus, ...people, ...hours]], { now: () => NOW }) };
});

/** A session of a professional (用户类型 个人), as identity writes it at login. */
async function signInProfessional(who: { accountId: string; name: string }): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  const principal = testPrincipal({ ...adminScope(bus), professional: true, accountId: who.accountId, name: who.name });
  await t.sys.app.infra.redis.set(sessionKeys.session(token), JSON.stringify(principal), "EX", 3600);
  return token;
}
const as = (token: string | undefined, ip = "198.51.100.40") => serviceClient<ReportingRouter>(t.sys.app.url, token, ip);
const self = async () => as(await signInProfessional(person));
const jinanAdmin = (permissions?: Parameters<typeof signIn>[1]["permissions"]) => adminClient(t.sys, jinan, { permissions, ip: "198.51.100.40" });
const anonymous = (ip: string) => as(undefined, ip);
const proofRow = (proofId: string) => t.sys.app.db.hoursProof.findUniqueOrThrow({ where: { id: proofId } });

let first: HoursProof;
/** What the first 2026 proof states — and the public verification repeats — of 王小明's year. */
const stated2026 = { nameMasked: "王*明", year: 2026, general: 30, professional: 80, total: 110, compliant: true, issuedOn: "2026-11-30" };

describe("issuing a 学时证明", () => {
  it("gives the professional their year: masked name and 证件号, unit, 公需/专业/总 认定学时, 合格, issue date, number and an unguessable code", async () => {
    first = await (await self()).proofs.issue.mutate({ year: 2026 });
    expect(first).toMatchObject({
      accountId: person.accountId,
      ...stated2026,
      idNumberMasked: maskIdNumber(ID),
      unitName: "济南公交集团",
      issuedAt: NOW.toISOString(),
      status: "VALID",
      revokedAt: null,
      revokedReason: null,
    });
    expect(first.proofNo).toMatch(/^XSZM2026\d{8}$/);
    expect(first.code).toMatch(PROOF_CODE_PATTERN);
    expect(first.code).not.toContain(ID.slice(0, 6));
    expect(JSON.stringify(first)).not.toContain(ID);
  });

  it("answers the same valid proof again while the figures are unchanged — to the person and to their admin", async () => {
    expect((await (await self()).proofs.issue.mutate({ year: 2026 })).proofId).toBe(first.proofId);
    const admin = await jinanAdmin();
    expect((await admin.proofs.issue.mutate({ accountId: person.accountId, year: 2026 })).proofId).toBe(first.proofId);
    expect((await admin.proofs.list.query({ accountId: person.accountId })).map((p) => [p.proofId, p.status, p.current])).toEqual([
      [first.proofId, "VALID", true],
    ]);
    expect(await t.sys.app.db.hoursProof.count({ where: { accountId: person.accountId } })).toBe(1);
  });

  it("refuses a year after this one or without 认定学时, another person's proof, a unit outside the scope and an admin without 查询统计", async () => {
    const me = await self();
    expect(await refusal(me.proofs.issue.mutate({ year: 2027 }))).toEqual({ code: "BAD_REQUEST", fields: { year: ["年度不能晚于2026年"] } });
    expect(await refusal(me.proofs.issue.mutate({ year: 2024 }))).toEqual({
      code: "BAD_REQUEST",
      fields: { year: ["2024年度没有认定学时，无法开具学时证明"] },
    });
    const notFound = { code: "NOT_FOUND", fields: { accountId: ["人员不存在或不在您的管理范围内"] } };
    expect(await refusal(as(await signInProfessional(other)).proofs.issue.mutate({ accountId: person.accountId, year: 2026 }))).toEqual(notFound);
    const qingdaoAdmin = await adminClient(t.sys, qingdao, { ip: "198.51.100.40" });
    expect(await refusal(qingdaoAdmin.proofs.issue.mutate({ accountId: person.accountId, year: 2026 }))).toEqual(notFound);
    expect(await refusal(qingdaoAdmin.proofs.get.query({ proofId: first.proofId }))).toEqual({
      code: "NOT_FOUND",
      fields: { proofId: ["学时证明不存在或不在您的管理范围内"] },
    });
    expect((await refusal((await jinanAdmin(["hours.approve"])).proofs.issue.mutate({ accountId: person.accountId, year: 2026 })))?.code).toBe("FORBIDDEN");
    // Opened under another person (学习记录 › 学时证明 of 李四 with 王小明's proof id): not found there, page and PDF alike.
    const admin = await jinanAdmin(["stats.view"]);
    const elsewhere = { code: "NOT_FOUND", fields: { proofId: ["学时证明不存在或不在您的管理范围内"] } };
    expect(await refusal(admin.proofs.get.query({ proofId: first.proofId, accountId: other.accountId }))).toEqual(elsewhere);
    expect(await refusal(admin.proofs.pdf.query({ proofId: first.proofId, accountId: "not-an-id" }))).toEqual(elsewhere);
    expect((await admin.proofs.get.query({ proofId: first.proofId, accountId: person.accountId })).proofId).toBe(first.proofId);
    expect(await refusal(anonymous("198.51.100.41").proofs.issue.mutate({ year: 2026 }))).toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("shows the proof on its page with the verification URL and its QR code", async () => {
    const page = await (await self()).proofs.get.query({ proofId: first.proofId });
    expect(page).toMatchObject({ ...first, verifyUrl: `http://localhost:3000/verify/${first.code}` });
    expect(page.qrDataUrl).toMatch(/^data:image\/png;base64,/);
  });

  it("makes a one-page PDF with the Chinese font embedded", async () => {
    const pdf = await (await self()).proofs.pdf.query({ proofId: first.proofId });
    expect(pdf.fileName).toBe(`学时证明_2026_${first.proofNo}.pdf`);
    const bytes = Buffer.from(pdf.base64, "base64");
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const text = bytes.toString("latin1");
    expect(text).toMatch(/\/FontName \/[A-Z]{6}\+NotoSerifCJKsc-Regular/);
    expect(text.match(/\/Type \/Page\b/g)).toHaveLength(1);
  });
});

describe("verifying a proof by its code (public)", () => {
  it("shows only 证明编号, masked name, year, hours by subject type, result, issue date and 有效", async () => {
    const answer = await anonymous("198.51.100.50").proofs.verify.query({ code: first.code });
    expect(answer).toEqual({
      found: true,
      proofNo: first.proofNo,
      ...stated2026,
      status: "VALID",
    });
  });

  it("answers 证明不存在 alike for an altered, a made-up and a malformed code, and logs each look-up without the code", async () => {
    const altered = `${first.code.slice(0, -1)}${first.code.endsWith("A") ? "B" : "A"}`;
    const ip = "198.51.100.51";
    for (const code of [
      altered,
      randomBytes(16).toString("base64url"),
      "abc",
      `${first.code}x`,
      person.accountId,
      "A".repeat(5000),
      `${first.code}${"x".repeat(300)}`,
    ]) {
      expect(await anonymous(ip).proofs.verify.query({ code })).toEqual({ found: false });
    }
    const log = await t.sys.app.db.proofVerificationLog.findMany({ where: { clientIp: ip } });
    expect(log).toHaveLength(7);
    expect(log.every((l) => l.proofId === null && l.requestId)).toBe(true);
  });

  it("is limited per address: past the budget TOO_MANY_REQUESTS, another address still answered", async () => {
    const ip = "198.51.100.52";
    for (let i = 0; i < proofVerifyLimit.max; i++) expect((await anonymous(ip).proofs.verify.query({ code: first.code })).found).toBe(true);
    expect(await refusal(anonymous(ip).proofs.verify.query({ code: first.code }))).toEqual({
      code: "TOO_MANY_REQUESTS",
      fields: { code: [PROOF_VERIFY_TOO_MANY_MESSAGE] },
    });
    expect(await t.sys.app.db.proofVerificationLog.count({ where: { clientIp: ip } })).toBe(proofVerifyLimit.max);
    expect((await anonymous("198.51.100.53").proofs.verify.query({ code: first.code })).found).toBe(true);
  });
});

describe("revoking", () => {
  let second: HoursProof;

  it("a voided record revokes the person-year's proof by itself (已撤销, reason, when); a new issue states the new hours", async () => {
    await publishSettled(t.sys, [voidable.voided("2026-11-30T03:00:00.000Z")]);
    const revoked = await proofRow(first.proofId);
    expect(revoked).toMatchObject({ status: "REVOKED", revokedReason: "学时记录已作废（证书不符）" });
    expect(revoked.revokedAt?.toISOString()).toBe("2026-11-30T03:00:00.000Z");
    expect(await anonymous("198.51.100.60").proofs.verify.query({ code: first.code })).toMatchObject({ found: true, status: "REVOKED", professional: 80 });
    expect(await refusal((await self()).proofs.pdf.query({ proofId: first.proofId }))).toEqual({
      code: "BAD_REQUEST",
      fields: { proofId: ["该学时证明已撤销，请重新开具"] },
    });

    second = await (await self()).proofs.issue.mutate({ year: 2026 });
    expect(second.proofId).not.toBe(first.proofId);
    expect(second.code).not.toBe(first.code);
    expect(second).toMatchObject({ general: 30, professional: 60, total: 90, compliant: true, status: "VALID" });
    // Redelivered or not, the hours now match the new proof: it stays valid.
    await publishSettled(t.sys, [voidable.voided("2026-11-30T03:00:00.000Z")]);
    expect((await proofRow(second.proofId)).status).toBe("VALID");
  });

  it("other figures at a reissue revoke the held proof (学时数据已变更) and issue a new one; a new approval alone revokes nothing", async () => {
    await publishSettled(t.sys, [later.submitted("2026-11-30T04:00:00.000Z"), later.approved("2026-11-30T05:00:00.000Z")]);
    expect((await proofRow(second.proofId)).status).toBe("VALID");
    // Still 有效, but no longer what 开具 would print: the admin's list says so (开具 issues anew, not 查看).
    const admin = await jinanAdmin();
    const listed = async () => (await admin.proofs.list.query({ accountId: person.accountId })).map((p) => [p.proofId, p.status, p.current]);
    expect(await listed()).toEqual([
      [second.proofId, "VALID", false],
      [first.proofId, "REVOKED", false],
    ]);
    const third = await admin.proofs.issue.mutate({ accountId: person.accountId, year: 2026 });
    expect(third).toMatchObject({ professional: 70, total: 100, status: "VALID" });
    expect(await proofRow(second.proofId)).toMatchObject({ status: "REVOKED", revokedReason: "学时数据已变更，已重新开具" });
    expect(await listed()).toEqual([
      [third.proofId, "VALID", true],
      [second.proofId, "REVOKED", false],
      [first.proofId, "REVOKED", false],
    ]);
    second = third;
  });

  it("a failed audit revokes it too (学时审验不通过), and the voiding that follows changes nothing more", async () => {
    await publishSettled(t.sys, [auditable.auditFailed("2026-11-30T06:00:00.000Z")]);
    expect(await proofRow(second.proofId)).toMatchObject({ status: "REVOKED", revokedReason: "学时审验不通过（证书不符）" });
    await publishSettled(t.sys, [auditable.voided("2026-11-30T06:00:00.000Z")]);
    expect(await proofRow(second.proofId)).toMatchObject({ status: "REVOKED", revokedReason: "学时审验不通过（证书不符）" });
    expect(await anonymous("198.51.100.61").proofs.verify.query({ code: second.code })).toMatchObject({ status: "REVOKED" });
    // 公需 30 + 专业 10 = 40: still a proof, now 不合格.
    expect(await (await self()).proofs.issue.mutate({ year: 2026 })).toMatchObject({ general: 30, professional: 10, total: 40, compliant: false });
    expect(await t.sys.app.db.hoursProof.count({ where: { accountId: person.accountId, status: "VALID" } })).toBe(1);
  });
});
