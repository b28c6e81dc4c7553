import { randomBytes, randomUUID } from "node:crypto";
import {
  calendarDate,
  calendarYear,
  DomainError,
  type HoursProof,
  type HoursProofIdInput,
  type HoursProofPage,
  type HoursProofPdf,
  type HoursProofVerification,
  type IssueHoursProofInput,
  isWithinScope,
  type ListedHoursProof,
  type ListHoursProofsInput,
  PROOF_CODE_PATTERN,
  PROOF_VERIFY_TOO_MANY_MESSAGE,
  type Principal,
  proofVerifyLimit,
  toDateColumn,
} from "@ce/contracts";
import QRCode from "qrcode";
import { SCHEMA } from "../../config.ts";
import { lockAggregate } from "../../db/aggregate-lock.ts";
import { personHourRecords } from "../../db/hour-records.ts";
import { type HoursProofRow, nextProofSerial, proofView, revokeProof, validProof } from "../../db/hours-proofs.ts";
import { type ProfessionalNow, professionalNow } from "../../db/people.ts";
import type { ReportingDeps } from "../../deps.ts";
import { renderHoursProofPdf } from "../../documents/hours-proof-pdf.ts";
import { maskName, type ProofContent, proofNumber, proofYearHours, REISSUED_REASON, sameContent } from "../../domain/hours-proof.ts";
import { judgeYear } from "../../domain/professional-counts.ts";
import type { PrincipalCaller, StatisticsCaller } from "../statistics/scope.ts";

const PERSON_NOT_FOUND = "人员不存在或不在您的管理范围内";
const PROOF_NOT_FOUND = "学时证明不存在或不在您的管理范围内";

/**
 * The professional a proof is for, when the caller may have one: a professional (个人) only
 * themselves (`accountId` absent or their own); an admin with 查询统计 (stats.view) a registered
 * person whose unit is in their subtree now, named by `accountId`. Raises DomainError FORBIDDEN
 * (an admin without stats.view or a unit scope), BAD_REQUEST on accountId (an admin naming nobody),
 * NOT_FOUND on accountId (unknown, not 审核通过, or outside the scope — one answer for all).
 */
async function personFor(deps: ReportingDeps, principal: Principal, accountId: string | undefined): Promise<ProfessionalNow> {
  const notFound = () => new DomainError("NOT_FOUND", PERSON_NOT_FOUND, "accountId");
  let id: string;
  let scopePath: string | null = null;
  if (principal.userType === "PROFESSIONAL") {
    if (accountId !== undefined && accountId !== principal.accountId) throw notFound();
    id = principal.accountId;
  } else {
    if (!principal.permissions.includes("stats.view")) throw new DomainError("FORBIDDEN", "没有“查询统计”的权限");
    if (!principal.scopePath) throw new DomainError("FORBIDDEN", "当前账户没有可统计的单位范围");
    if (accountId === undefined) throw new DomainError("BAD_REQUEST", "请选择人员", "accountId");
    id = accountId;
    scopePath = principal.scopePath;
  }
  const person = await professionalNow(deps.db, id);
  if (person?.status !== "APPROVED") throw notFound();
  if (scopePath !== null && !isWithinScope(scopePath, person.unitPath)) throw notFound();
  return person;
}

/**
 * What a proof of `person`'s `year` would print now, from their hour records: the year's 认定学时
 * approved and not voided (domain proofYearHours), 合格 by the yearly rule for the region of their
 * unit now (judgeYear, contracts' rule), masked name and 证件号 and unit as held now.
 */
function proofContentNow(deps: ReportingDeps, person: ProfessionalNow, records: Parameters<typeof proofYearHours>[0], year: number): ProofContent {
  const hours = proofYearHours(records, year);
  return {
    ...hours,
    nameMasked: maskName(person.name),
    idNumberMasked: person.idNumberMasked,
    unitName: person.unitName,
    compliant: judgeYear(deps.complianceRules, year, person.unitRegion, hours),
  };
}

/** A stored proof's printed content, to compare with proofContentNow. */
const heldContentOf = (held: HoursProofRow): ProofContent => ({ ...held, general: held.generalHours, professional: held.professionalHours });

/**
 * 开具学时证明 (issue 11 item 5) for `input.year` (not after this Beijing year): what the proof
 * prints now (proofContentNow). Under the person's lock (the one the hours handlers take): the valid proof of the
 * person-year is answered again when it prints the same (sameContent); otherwise it is revoked
 * (REISSUED_REASON) and a new one issued with a fresh 128-bit random code and the next 证明编号.
 * Raises as personFor, and BAD_REQUEST on year (after this year; no 认定学时 that year).
 */
export async function issueHoursProof(deps: ReportingDeps, { principal }: PrincipalCaller, input: IssueHoursProofInput): Promise<HoursProof> {
  const person = await personFor(deps, principal, input.accountId);
  const now = deps.now();
  const thisYear = calendarYear(now);
  if (input.year > thisYear) throw new DomainError("BAD_REQUEST", `年度不能晚于${thisYear}年`, "year");
  const row = await deps.db.$transaction(async (tx) => {
    await lockAggregate(tx, SCHEMA, "person_history", person.accountId);
    const content = proofContentNow(deps, person, await personHourRecords(tx, SCHEMA, person.accountId), input.year);
    if (content.general + content.professional === 0) throw new DomainError("BAD_REQUEST", `${input.year}年度没有认定学时，无法开具学时证明`, "year");
    const held = await validProof(tx, person.accountId, input.year);
    if (held) {
      if (sameContent(heldContentOf(held), content)) return held;
      await revokeProof(tx, held.id, now, REISSUED_REASON);
    }
    return tx.hoursProof.create({
      data: {
        id: randomUUID(),
        proofNo: proofNumber(input.year, await nextProofSerial(tx)),
        code: randomBytes(16).toString("base64url"),
        accountId: person.accountId,
        year: input.year,
        nameMasked: content.nameMasked,
        idNumberMasked: content.idNumberMasked,
        unitId: person.unitId,
        unitName: content.unitName,
        generalHours: content.general,
        professionalHours: content.professional,
        compliant: content.compliant,
        issuedAt: now,
        issuedOn: toDateColumn(calendarDate(now)),
        issuedBy: principal.accountId,
      },
    });
  });
  deps.log.info({ proofId: row.id, accountId: row.accountId, year: row.year, by: principal.accountId }, "hours proof issued");
  return proofView(row);
}

/**
 * The proofs of the caller (个人) or of `accountId` (an admin's person), newest year first, then
 * newest issue (and 证明编号), each `current` when 有效 and printing what a proof of its year would print now
 * (sameContent with proofContentNow: 开具 would answer it again). Raises as personFor.
 */
export async function listHoursProofs(deps: ReportingDeps, { principal }: PrincipalCaller, input: ListHoursProofsInput): Promise<ListedHoursProof[]> {
  const person = await personFor(deps, principal, input.accountId);
  const rows = await deps.db.hoursProof.findMany({
    where: { accountId: person.accountId },
    orderBy: [{ year: "desc" }, { issuedAt: "desc" }, { proofNo: "desc" }],
  });
  const records = rows.some((r) => r.status === "VALID") ? await personHourRecords(deps.db, SCHEMA, person.accountId) : [];
  return rows.map((row) => ({
    ...proofView(row),
    current: row.status === "VALID" && sameContent(heldContentOf(row), proofContentNow(deps, person, records, row.year)),
  }));
}

/**
 * One proof the caller may see: their own (个人), or a person's of their subtree now (admin with
 * 查询统计) — and, when `accountId` names the person it is opened under, that person's. DomainError
 * NOT_FOUND on proofId otherwise, and for an unknown id (the same answer).
 */
export async function getHoursProof(deps: ReportingDeps, { principal }: PrincipalCaller, input: HoursProofIdInput): Promise<HoursProof> {
  const row = await deps.db.hoursProof.findUnique({ where: { id: input.proofId } });
  if (!row || (input.accountId !== undefined && row.accountId !== input.accountId)) throw new DomainError("NOT_FOUND", PROOF_NOT_FOUND, "proofId");
  await personFor(deps, principal, row.accountId).catch((e: unknown) => {
    throw e instanceof DomainError && e.kind === "NOT_FOUND" ? new DomainError("NOT_FOUND", PROOF_NOT_FOUND, "proofId") : e;
  });
  return proofView(row);
}

/** The public verification URL a proof's QR code carries: `{PORTAL_URL}/verify/{code}`. */
export const verifyUrlOf = (deps: Pick<ReportingDeps, "portalUrl">, code: string) => `${deps.portalUrl}/verify/${code}`;

/** getHoursProof for the printable page: with its verification URL and QR code (PNG data URL, qrcode). Raises as getHoursProof. */
export async function hoursProofPage(deps: ReportingDeps, caller: PrincipalCaller, input: HoursProofIdInput): Promise<HoursProofPage> {
  const proof = await getHoursProof(deps, caller, input);
  const verifyUrl = verifyUrlOf(deps, proof.code);
  return { ...proof, verifyUrl, qrDataUrl: await QRCode.toDataURL(verifyUrl, { type: "image/png", errorCorrectionLevel: "M", margin: 1, width: 240 }) };
}

/**
 * 下载PDF: a valid proof the caller may see (getHoursProof) as one A4 page (documents/hours-proof-pdf.ts),
 * named 学时证明_{year}_{证明编号}.pdf. Raises as getHoursProof, BAD_REQUEST on proofId when it is
 * 已撤销 (a new one is to be issued), and the renderer's ProofFontMissingError (an unexpected error
 * to the caller, logged) when fonts-noto-cjk is missing.
 */
export async function hoursProofPdf(deps: ReportingDeps, caller: PrincipalCaller, input: HoursProofIdInput): Promise<HoursProofPdf> {
  const proof = await getHoursProof(deps, caller, input);
  if (proof.status !== "VALID") throw new DomainError("BAD_REQUEST", "该学时证明已撤销，请重新开具", "proofId");
  const pdf = await renderHoursProofPdf(proof, verifyUrlOf(deps, proof.code));
  return { fileName: `学时证明_${proof.year}_${proof.proofNo}.pdf`, base64: pdf.toString("base64") };
}

/**
 * 查验学时证明 (public, no sign-in): what the proof of `code` shows — masked name, year, 公需 / 专业 /
 * 总 学时, result, issue date, 有效 / 已撤销 — or `found: false` for any code that names no proof
 * (bad shape, altered, unknown: one answer). At most proofVerifyLimit per address (the portal
 * vouches for it; null counts as one address) in its window, counted and logged in
 * reporting.proof_verification_log (address, proof found or not, request id; never the code) in one
 * transaction; beyond it DomainError TOO_MANY_REQUESTS on code before anything is looked up.
 */
export async function verifyHoursProof(
  deps: ReportingDeps,
  caller: Pick<StatisticsCaller, "clientIp" | "requestId">,
  input: { code: string },
): Promise<HoursProofVerification> {
  const at = deps.now();
  const since = new Date(at.getTime() - proofVerifyLimit.windowS * 1000);
  const code = input.code.trim();
  const found = await deps.db.$transaction(async (tx) => {
    // One address's look-ups are counted one at a time, so parallel requests cannot all pass.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`reporting:proof-verify:${caller.clientIp ?? ""}`}))`;
    const [row] = await tx.$queryRaw<Array<{ n: number }>>`
      SELECT count(*)::int AS n FROM reporting.proof_verification_log
      WHERE client_ip IS NOT DISTINCT FROM ${caller.clientIp} AND occurred_at > ${since}`;
    if ((row?.n ?? 0) >= proofVerifyLimit.max) return "LIMITED" as const;
    const proof = PROOF_CODE_PATTERN.test(code) ? await tx.hoursProof.findUnique({ where: { code } }) : null;
    await tx.proofVerificationLog.create({ data: { occurredAt: at, clientIp: caller.clientIp, proofId: proof?.id ?? null, requestId: caller.requestId } });
    return proof;
  });
  if (found === "LIMITED") {
    deps.log.warn({ clientIp: caller.clientIp }, "hours proof verification refused: too many from this address");
    throw new DomainError("TOO_MANY_REQUESTS", PROOF_VERIFY_TOO_MANY_MESSAGE, "code");
  }
  if (!found) {
    deps.log.warn({ clientIp: caller.clientIp, requestId: caller.requestId }, "hours proof verification: no proof for the code given");
    return { found: false };
  }
  const p = proofView(found);
  return {
    found: true,
    proofNo: p.proofNo,
    nameMasked: p.nameMasked,
    year: p.year,
    general: p.general,
    professional: p.professional,
    total: p.total,
    compliant: p.compliant,
    issuedOn: p.issuedOn,
    status: p.status,
  };
}
