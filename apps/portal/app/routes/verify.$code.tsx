import { type HoursProofVerification, hoursProofRows, hoursProofStatusLabels, PROOF_NOT_FOUND_MESSAGE } from "@ce/contracts";
import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { AuthShell } from "../components/AuthShell.tsx";
import { FactList } from "../components/FactList.tsx";
import { Notice } from "../components/Notice.tsx";
import { createApi } from "../utils/api.server.ts";
import { PLATFORM_NAME } from "../utils/brand.ts";
import { classifyError, failureStatus } from "../utils/errors.server.ts";
import { logError } from "../utils/log.server.ts";
import { loaderHeaders } from "../utils/route-headers.ts";

export const meta: MetaFunction = () => [{ title: `学时证明查验 - ${PLATFORM_NAME}` }];

// 学时证明查验 (issue 11 item 5): the public page a proof's QR code opens, no sign-in. It shows
// only what reporting's proofs.verify answers — 证明编号, masked name, year, hours by subject type, result,
// issue date and 有效 / 已撤销 — or 证明不存在 for any code naming no proof (404). Reporting limits
// look-ups per address (the portal passes the browser's address); beyond it the page says so (429).
/** The loader's Cache-Control: no-store goes out with the page (utils/route-headers.ts). */
export const headers = loaderHeaders;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const headers = { "Cache-Control": "no-store" };
  try {
    const answer = await createApi(request, context, null).reporting.proofs.verify.query({ code: params.code ?? "" });
    return data({ answer, message: answer.found ? null : PROOF_NOT_FOUND_MESSAGE }, { status: answer.found ? 200 : 404, headers });
  } catch (error) {
    const failure = classifyError(error);
    if (failure.kind === "unexpected" || failure.kind === "unavailable") logError("proof verification failed", error);
    return data(
      { answer: null as HoursProofVerification | null, message: failure.kind === "notFound" ? PROOF_NOT_FOUND_MESSAGE : failure.message },
      { status: failureStatus(failure), headers },
    );
  }
}

export default function VerifyProofPage() {
  const { answer, message } = useLoaderData<typeof loader>();
  return (
    <AuthShell title="学时证明查验">
      {answer?.found ? (
        <div className="space-y-4">
          <Notice tone={answer.status === "VALID" ? "success" : "error"}>
            证明状态：<strong data-proof-status>{hoursProofStatusLabels[answer.status]}</strong>
          </Notice>
          <FactList
            facts={[
              ["证明编号", answer.proofNo],
              ["姓名", answer.nameMasked],
              ["年度", answer.year],
              // The proof's own rows (计入科目 公需科目 / 专业科目, 合计, 年度认定结果), as on the page and the PDF.
              ...hoursProofRows(answer),
              ["开具日期", answer.issuedOn],
              ["证明状态", hoursProofStatusLabels[answer.status]],
            ]}
          />
          <p className="text-xs text-gray-600">以上为本平台开具该学时证明时认定的学时；“已撤销”的证明不再有效。</p>
        </div>
      ) : (
        <Notice tone="error">{message}</Notice>
      )}
      <p className="mt-6 text-sm">
        <Link to="/login" className="text-blue-700 hover:underline">
          返回登录
        </Link>
      </p>
    </AuthShell>
  );
}
