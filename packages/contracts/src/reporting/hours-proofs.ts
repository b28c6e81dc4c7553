import { z } from "zod";
import { CalendarDate, calendarYearField } from "../calendar.ts";
import { subjectLabels } from "../hours/forms.ts";
import { complianceVerdict, YearHoursFields } from "./statistics.ts";

/**
 * 学时证明 (issue 11 item 5): a yearly proof of a professional's 认定学时, issued and kept by
 * reporting, printable, as a PDF, and checked by anyone through a public verification page
 * `/verify/<code>` whose QR code the proof carries.
 */

/** The title every proof carries. */
export const HOURS_PROOF_TITLE = "专业技术人员继续教育学时证明";

/**
 * The proof's hours table — on the page, in the PDF and on the public 查验 page alike: the hours
 * certified by the declarations' 计入科目 (subjectLabels: 公需科目 / 专业科目, the guide's words for that
 * field), 合计 and 年度认定结果 — never the 科目类型 column's short 公需课 / 专业课.
 */
export const HOURS_PROOF_TABLE_HEADER = ["计入科目", "认定学时"] as const;

/** The rows of HOURS_PROOF_TABLE_HEADER's table for one proof's figures (学时), in the order printed. */
export function hoursProofRows(p: { general: number; professional: number; total: number; compliant: boolean }): [string, string][] {
  return [
    [subjectLabels.GENERAL, `${p.general} 学时`],
    [subjectLabels.PROFESSIONAL, `${p.professional} 学时`],
    ["合计", `${p.total} 学时`],
    ["年度认定结果", complianceVerdict(p.compliant)],
  ];
}

/** 有效 / 已撤销 — a proof is revoked when its person-year's hours changed (a voided record, a failed audit, a new issue). */
export const HoursProofStatus = z.enum(["VALID", "REVOKED"]);
export type HoursProofStatus = z.infer<typeof HoursProofStatus>;
export const hoursProofStatusLabels: Record<HoursProofStatus, string> = { VALID: "有效", REVOKED: "已撤销" };

/**
 * A verification code: 128 random bits in base64url (22 characters). Anything else is no code —
 * answered like an unknown one (证明不存在), so the page tells nothing about why.
 */
export const PROOF_CODE_PATTERN = /^[A-Za-z0-9_-]{22}$/;

/** What the public page answers for a code that names no proof (forged, altered, mistyped). */
export const PROOF_NOT_FOUND_MESSAGE = "证明不存在";

/** Past this many verifications per address in the window: TOO_MANY_REQUESTS (PROOF_VERIFY_TOO_MANY_MESSAGE). */
export const proofVerifyLimit = { max: 30, windowS: 60 } as const;
export const PROOF_VERIFY_TOO_MANY_MESSAGE = "查验过于频繁，请稍后再试";

/**
 * 开具学时证明: for the caller (个人, no `accountId`) or, by an admin with 查询统计, for a
 * professional of their subtree (`accountId`). 年度 is a calendar year not after this one.
 */
export const IssueHoursProofInput = z.object({
  accountId: z.uuid({ error: "人员编号无效" }).optional(),
  year: calendarYearField("年度"),
});
export type IssueHoursProofInput = z.infer<typeof IssueHoursProofInput>;

/**
 * One proof by its id (查看 / 下载PDF); `accountId` when the proof is opened under a person (学习记录 › 学时证明, the
 * person's id in the address): a proof of anyone else is not found there.
 */
export const HoursProofIdInput = z.object({ proofId: z.uuid({ error: "证明编号无效" }), accountId: z.string().max(100).optional() });
export type HoursProofIdInput = z.infer<typeof HoursProofIdInput>;

/** The proofs of the caller (个人) or of one professional of an admin's subtree. */
export const ListHoursProofsInput = z.object({ accountId: z.uuid({ error: "人员编号无效" }).optional() });
export type ListHoursProofsInput = z.infer<typeof ListHoursProofsInput>;

/**
 * A proof as its owner and their admins see it: what is printed on it (masked name and 证件号, unit,
 * year, 公需 / 专业 / 总 认定学时, 合格 or not, issue date in Beijing, 证明编号) and its state. `code`
 * is the verification code the QR carries (`/verify/<code>`); `revokedAt` and `revokedReason` are
 * set once 已撤销.
 */
export const HoursProof = z.object({
  proofId: z.uuid(),
  proofNo: z.string(),
  code: z.string(),
  accountId: z.uuid(),
  nameMasked: z.string(),
  idNumberMasked: z.string(),
  unitName: z.string(),
  ...YearHoursFields,
  issuedOn: CalendarDate,
  issuedAt: z.iso.datetime(),
  status: HoursProofStatus,
  revokedAt: z.iso.datetime().nullable(),
  revokedReason: z.string().nullable(),
});
export type HoursProof = z.infer<typeof HoursProof>;

/**
 * A proof in a person's list (proofs.list): `current` — 有效 and still stating the person-year's
 * figures now, so 开具 for that year answers this proof again (查看 it); false when 已撤销, or when the
 * hours, result, name or unit changed since (开具 then revokes it and issues a new one).
 */
export const ListedHoursProof = HoursProof.extend({ current: z.boolean() });
export type ListedHoursProof = z.infer<typeof ListedHoursProof>;

/** A proof for its printable page: the proof, the verification URL its QR code carries and that QR code as a PNG `data:` URL. */
export const HoursProofPage = HoursProof.extend({ verifyUrl: z.url(), qrDataUrl: z.string().startsWith("data:image/png;base64,") });
export type HoursProofPage = z.infer<typeof HoursProofPage>;

/** A proof as a PDF: its download name and bytes in base64 (the way generated files travel). */
export const HoursProofPdf = z.object({ fileName: z.string(), base64: z.string() });
export type HoursProofPdf = z.infer<typeof HoursProofPdf>;

/** 查验学时证明 (public): the code as typed or scanned; its shape is checked by the service, never here, so a bad one answers like an unknown one. */
export const VerifyHoursProofInput = z.object({
  // Any text is a question with one answer, 证明不存在, however long: the use case checks the code's shape (PROOF_CODE_PATTERN).
  code: z.string().transform((c) => (c.length > 200 ? "" : c)),
});
export type VerifyHoursProofInput = z.infer<typeof VerifyHoursProofInput>;

/**
 * What the public page shows, and nothing more than the proof itself prints: its 证明编号, the
 * masked name, year, 公需 / 专业 / 总 学时, the result, the issue date and 有效 / 已撤销. `found`
 * false: 证明不存在 (no other detail).
 */
export const HoursProofVerification = z.discriminatedUnion("found", [
  z.object({ found: z.literal(false) }),
  z.object({
    found: z.literal(true),
    ...HoursProof.pick({
      proofNo: true,
      nameMasked: true,
      year: true,
      general: true,
      professional: true,
      total: true,
      compliant: true,
      issuedOn: true,
      status: true,
    }).shape,
  }),
]);
export type HoursProofVerification = z.infer<typeof HoursProofVerification>;
