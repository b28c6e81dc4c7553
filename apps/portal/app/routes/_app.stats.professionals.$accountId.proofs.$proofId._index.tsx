import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { HoursProofScreen } from "../components/proofs/HoursProofView.tsx";
import { STATS } from "../components/stats/links.ts";
import { loadProofPage } from "../utils/hours-proofs.server.ts";
import { requirePage } from "../utils/session.server.ts";

// 专业技术人员信息查询 › 学习记录 › 学时证明: a person's proof, as their admin opened it, printable, with 下载PDF —
// only a proof of the person in the address (another's is 404).
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { api, here } = await requirePage(request, context, STATS.professionals);
  const proof = await loadProofPage(request, api, params.proofId ?? "", params.accountId ?? "");
  return { trail: [here.section.label, here.page.label, "学习记录", "学时证明"], proof, base: `${STATS.professionals}/${params.accountId ?? ""}/proofs` };
}

export default function PersonHoursProofPage() {
  const { trail, proof, base } = useLoaderData<typeof loader>();
  return <HoursProofScreen trail={trail} proof={proof} pdfHref={`${base}/${proof.proofId}/pdf`} />;
}
