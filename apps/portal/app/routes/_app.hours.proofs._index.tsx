import { calendarYear } from "@ce/contracts";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Breadcrumbs } from "../components/Breadcrumbs.tsx";
import { DownloadRefusal } from "../components/Notice.tsx";
import { IssueProofForm, PROOFS_PATH, ProofList } from "../components/proofs/HoursProofView.tsx";
import { pageWithRefusal } from "../utils/download-refusal.server.ts";
import { issueProofAction } from "../utils/hours-proofs.server.ts";
import { loaderHeaders } from "../utils/route-headers.ts";
import { requirePage, rethrowServiceError } from "../utils/session.server.ts";

/** The loader's headers (a refused download's one-time cookie cleared) reach the document answer too. */
export const headers = loaderHeaders;

// 查看申报记录 › 学时证明 (个人, issue 11 item 5): a professional 开具 a yearly 学时证明 of their
// 认定学时 and sees the ones issued (有效 / 已撤销), each opening its printable page and PDF.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { api, here } = await requirePage(request, context, PROOFS_PATH);
  const [proofs, years] = await Promise.all([api.reporting.proofs.list.query({}), api.hours.declarations.years.query()]).catch((e) =>
    rethrowServiceError(request, e),
  );
  // A refused 下载PDF (已撤销, not found) comes back here with its message.
  return pageWithRefusal(request, { trail: [here.section.label, here.page.label], proofs, years: years.length > 0 ? years : [calendarYear(new Date())] });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { api } = await requirePage(request, context, PROOFS_PATH);
  return issueProofAction(request, api, PROOFS_PATH);
}

export default function HoursProofsPage() {
  const { trail, proofs, years, refused } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  return (
    <div>
      <Breadcrumbs trail={trail} />
      <p className="mb-4 text-sm text-gray-600">
        学时证明列出所选年度已审核认定且未作废的学时，带有查验二维码，任何人可扫码查验真伪。学时发生变化（记录作废、审验不通过）后原证明自动撤销，请重新开具。
      </p>
      <DownloadRefusal refused={refused} />
      <IssueProofForm years={years} result={reply?.result} />
      <ProofList proofs={proofs} base={PROOFS_PATH} />
    </div>
  );
}
