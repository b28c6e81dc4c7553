import { IssueHoursProofInput } from "@ce/contracts";
import type { Api } from "./api.server.ts";
import { redirectWithFlash } from "./flash.server.ts";
import { formAction } from "./form-action.server.ts";
import { rethrowServiceError } from "./session.server.ts";

// 学时证明 (issue 11 item 5) in the portal: the same three steps for a professional (个人 ›
// 学时证明, /hours/proofs) and for an admin from a person's 学习记录 (/stats/professionals/:id/…):
// 开具 (a form posting 年度), the printable page, the PDF download. Reporting decides who may.

/** The form 开具学时证明 posts: 年度 (and, from 学习记录, the person in the path). */
export const IssueProofForm = IssueHoursProofInput.pick({ year: true });

/**
 * 开具学时证明: the form's 年度 (and `accountId` for an admin's person) to reporting's proofs.issue;
 * on success a redirect (303, flash 学时证明已开具) to the proof's page under `base` (`${base}/${proofId}`) —
 * the valid proof again when its figures stand. Refusals (年度
 * after this year or without 认定学时, a person out of scope) come back by the 年度 field.
 */
export function issueProofAction(request: Request, api: Api, base: string, accountId?: string) {
  return formAction(request, IssueProofForm, { fields: ["year"] }, async ({ year }) => {
    const proof = await api.reporting.proofs.issue.mutate({ year, ...(accountId ? { accountId } : {}) });
    return redirectWithFlash(`${base}/${proof.proofId}`, `${proof.year}年度学时证明已开具（证明编号 ${proof.proofNo}）`);
  });
}

/**
 * One proof for its printable page (proofs.get); a refusal is the error page, an expired session
 * the login. `accountId`: the person the address opens it under (学习记录's /stats/professionals/:id/
 * proofs/:proofId) — another person's proof there is 404, whatever the caller may see elsewhere.
 */
export function loadProofPage(request: Request, api: Api, proofId: string, accountId?: string) {
  return api.reporting.proofs.get.query({ proofId, ...(accountId === undefined ? {} : { accountId }) }).catch((e) => rethrowServiceError(request, e));
}

/** A valid proof's PDF as a download that is never cached (proofs.pdf); 已撤销, out of scope or another person's (`accountId`, as loadProofPage): the error page. */
export async function proofPdfResponse(request: Request, api: Api, proofId: string, accountId?: string): Promise<Response> {
  const file = await api.reporting.proofs.pdf
    .query({ proofId, ...(accountId === undefined ? {} : { accountId }) })
    .catch((e) => rethrowServiceError(request, e));
  return new Response(Buffer.from(file.base64, "base64"), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      "Cache-Control": "no-store",
    },
  });
}
