import {
  HoursProof,
  HoursProofIdInput,
  HoursProofPage,
  HoursProofPdf,
  HoursProofVerification,
  IssueHoursProofInput,
  ListedHoursProof,
  ListHoursProofsInput,
  VerifyHoursProofInput,
} from "@ce/contracts";
import { authedProcedure, publicProcedure, type UseCaseRun } from "@ce/service-kit";
import { z } from "zod";
import type { ReportingDeps } from "../deps.ts";
import { hoursProofPage, hoursProofPdf, issueHoursProof, listHoursProofs, verifyHoursProof } from "../use-cases/proofs/hours-proofs.ts";

/**
 * 学时证明 (issue 11 item 5). Signed in: a professional for themselves, an admin with 查询统计 for a
 * person of their subtree (the use cases decide; authedProcedure lets both in). `verify` is public:
 * the page a proof's QR code opens, rate-limited per address.
 */
export const hoursProofsRouter = (run: UseCaseRun<ReportingDeps>) => ({
  /** 开具学时证明 for a year: the person-year's valid proof when it still states the figures, else a new one (the old revoked). */
  issue: authedProcedure.input(IssueHoursProofInput).output(HoursProof).mutation(run(issueHoursProof)),
  /** The proofs of the caller or of an admin's person, newest first, each saying whether 开具 would answer it again (`current`). */
  list: authedProcedure.input(ListHoursProofsInput).output(z.array(ListedHoursProof)).query(run(listHoursProofs)),
  /** One proof for its printable page, with its verification URL and QR code. */
  get: authedProcedure.input(HoursProofIdInput).output(HoursProofPage).query(run(hoursProofPage)),
  /** A valid proof as a PDF (base64). */
  pdf: authedProcedure.input(HoursProofIdInput).output(HoursProofPdf).query(run(hoursProofPdf)),
  /** 查验学时证明 by code, without a session: masked name, year, hours, result, issue date, 有效 / 已撤销 — or not found. */
  verify: publicProcedure.input(VerifyHoursProofInput).output(HoursProofVerification).query(run(verifyHoursProof)),
});
