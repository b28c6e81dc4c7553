import type { LoaderFunctionArgs } from "@remix-run/node";
import { PROOFS_PATH } from "../components/proofs/HoursProofView.tsx";
import { proofPdfResponse } from "../utils/hours-proofs.server.ts";
import { resourceLoader } from "../utils/resource.server.ts";
import { requirePage } from "../utils/session.server.ts";

// 学时证明 › 下载PDF (个人): the proof as a PDF download (reporting renders it).
export const loader = resourceLoader(async ({ request, context, params }: LoaderFunctionArgs) => {
  const { api } = await requirePage(request, context, PROOFS_PATH);
  return proofPdfResponse(request, api, params.proofId ?? "");
});
