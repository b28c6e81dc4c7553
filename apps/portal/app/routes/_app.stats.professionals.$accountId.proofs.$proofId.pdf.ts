import type { LoaderFunctionArgs } from "@remix-run/node";
import { STATS } from "../components/stats/links.ts";
import { proofPdfResponse } from "../utils/hours-proofs.server.ts";
import { resourceLoader } from "../utils/resource.server.ts";
import { requirePage } from "../utils/session.server.ts";

// 学习记录 › 学时证明 › 下载PDF: a person's proof as a PDF download, for their admin.
export const loader = resourceLoader(async ({ request, context, params }: LoaderFunctionArgs) => {
  const { api } = await requirePage(request, context, STATS.professionals);
  return proofPdfResponse(request, api, params.proofId ?? "", params.accountId ?? "");
});
