import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { HoursProofScreen, PROOFS_PATH } from "../components/proofs/HoursProofView.tsx";
import { loadProofPage } from "../utils/hours-proofs.server.ts";
import { requirePage } from "../utils/session.server.ts";

// 学时证明 › 查看: the professional's proof as a printable page, 下载PDF and 打印.
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { api, here } = await requirePage(request, context, PROOFS_PATH);
  const proof = await loadProofPage(request, api, params.proofId ?? "");
  return { trail: [here.section.label, here.page.label, "查看"], proof };
}

export default function HoursProofPage() {
  const { trail, proof } = useLoaderData<typeof loader>();
  return <HoursProofScreen trail={trail} proof={proof} pdfHref={`${PROOFS_PATH}/${proof.proofId}/pdf`} />;
}
