import type { LoaderFunctionArgs } from "@remix-run/node";
import { STATS } from "../components/stats/links.ts";
import { downloadLoader } from "../utils/download-refusal.server.ts";
import { proofPdfResponse } from "../utils/hours-proofs.server.ts";
import { requirePage } from "../utils/session.server.ts";

// 学习记录 › 学时证明 › 下载PDF: a person's proof as a PDF download, for their admin. A refusal
// (已撤销, not found, another person's) goes back to the person's 学习记录, which lists their proofs.
export const loader = downloadLoader(
  ({ params }) => `${STATS.professionals}/${encodeURIComponent(params.accountId ?? "")}/learning`,
  async ({ request, context, params }: LoaderFunctionArgs) => {
    const { api } = await requirePage(request, context, STATS.professionals);
    return proofPdfResponse(request, api, params.proofId ?? "", params.accountId ?? "");
  },
);
