import type { LoaderFunctionArgs } from "@remix-run/node";
import { PROOFS_PATH } from "../components/proofs/HoursProofView.tsx";
import { downloadLoader } from "../utils/download-refusal.server.ts";
import { proofPdfResponse } from "../utils/hours-proofs.server.ts";
import { requirePage } from "../utils/session.server.ts";

// 学时证明 › 下载PDF (个人): the proof as a PDF download (reporting renders it). A refusal (已撤销,
// not found) goes back to the list of the person's proofs with its message (downloadLoader).
export const loader = downloadLoader(
  () => PROOFS_PATH,
  async ({ request, context, params }: LoaderFunctionArgs) => {
    const { api } = await requirePage(request, context, PROOFS_PATH);
    return proofPdfResponse(request, api, params.proofId ?? "");
  },
);
