import {
  complianceVerdict,
  formatDateTime,
  HOURS_PROOF_TABLE_HEADER,
  HOURS_PROOF_TITLE,
  type HoursProof,
  type HoursProofPage,
  hoursProofRows,
  hoursProofStatusLabels,
} from "@ce/contracts";
import type { SubmissionResult } from "@conform-to/react";
import { Link } from "@remix-run/react";
import { PLATFORM_NAME } from "../../utils/brand.ts";
import { Breadcrumbs } from "../Breadcrumbs.tsx";
import { DataTable } from "../DataTable.tsx";
import { Form } from "../Form.tsx";
import { buttonClass, inputBase, ReplyErrors, Select } from "../forms.tsx";
import { Notice } from "../Notice.tsx";

/** 个人 › 学时证明 (the menu's page); a proof's page is `${PROOFS_PATH}/:proofId`, its PDF `…/pdf`. */
export const PROOFS_PATH = "/hours/proofs";

/** "2026-11-30" → "2026年11月30日", as the certificate prints its date. */
const chineseDate = (date: string) => {
  const [y, m, d] = date.split("-");
  return `${y}年${Number(m)}月${Number(d)}日`;
};

/** A proof's own page (the professional's 查看, an admin's from 学习记录): the breadcrumb, not printed, above HoursProofView. */
export function HoursProofScreen({ trail, proof, pdfHref }: { trail: readonly string[]; proof: HoursProofPage; pdfHref: string }) {
  return (
    <div>
      <div className="print:hidden">
        <Breadcrumbs trail={trail} />
      </div>
      <HoursProofView proof={proof} pdfHref={pdfHref} />
    </div>
  );
}

/**
 * 学时证明 as a printable page (issue 11 item 5): the certificate as the PDF draws it — title,
 * 证明编号, who, the year's 公需 / 专业 / 合计 认定学时 and 认定结果, the issuer and date, the QR code
 * of its verification URL — with 下载PDF and 打印 above it while it is 有效, and why and when it was
 * revoked once 已撤销. The page's chrome is not printed (print:hidden).
 */
export function HoursProofView({ proof, pdfHref }: { proof: HoursProofPage; pdfHref: string }) {
  const valid = proof.status === "VALID";
  return (
    <div className="space-y-4">
      {valid ? (
        <div className="flex gap-3 print:hidden">
          <a href={pdfHref} download className={buttonClass}>
            下载PDF
          </a>
          <button type="button" className={buttonClass} onClick={() => window.print()}>
            打印
          </button>
        </div>
      ) : (
        <Notice tone="error">
          该学时证明已撤销{proof.revokedReason ? `（${proof.revokedReason}）` : ""}
          {proof.revokedAt ? `，撤销时间：${formatDateTime(proof.revokedAt, { seconds: false })}` : ""}。如需证明，请重新开具。
        </Notice>
      )}
      <article aria-label={HOURS_PROOF_TITLE} className="mx-auto max-w-3xl border-4 border-double border-rose-800 bg-white px-10 py-8 font-serif text-gray-900">
        <p className="text-right text-xs text-gray-600">证明编号：{proof.proofNo}</p>
        <h2 className="mt-4 border-b border-rose-800 pb-3 text-center text-2xl font-bold tracking-wider text-rose-800">{HOURS_PROOF_TITLE}</h2>
        <p className="mt-6 indent-8 leading-8">
          兹证明 {proof.nameMasked}（证件号：{proof.idNumberMasked}），所在单位：{proof.unitName}，{proof.year}
          年度参加专业技术人员继续教育，经审核认定学时如下：
        </p>
        <table className="mt-4 w-full border-collapse border border-gray-800 text-center">
          <caption className="sr-only">{proof.year}年度认定学时</caption>
          <thead>
            <tr>
              {HOURS_PROOF_TABLE_HEADER.map((h) => (
                <th key={h} scope="col" className="border border-gray-800 py-2">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {hoursProofRows(proof).map(([k, v], i) => (
              <tr key={k} className={i >= 2 ? "font-bold" : undefined}>
                <th scope="row" className="border border-gray-800 py-2 font-[inherit]">
                  {k}
                </th>
                <td className="border border-gray-800 py-2">{v}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="mt-6 indent-8">特此证明。</p>
        <div className="mt-8 flex items-end justify-between gap-6">
          <figure className="text-center text-xs text-gray-600">
            <img src={proof.qrDataUrl} alt="学时证明查验二维码" width={120} height={120} className="h-[120px] w-[120px]" />
            <figcaption>扫码查验本证明</figcaption>
          </figure>
          <div className="text-right leading-8">
            <p>{PLATFORM_NAME}</p>
            <p>开具日期：{chineseDate(proof.issuedOn)}</p>
          </div>
        </div>
        <p className="mt-6 break-all text-xs text-gray-600">
          查验网址：<span data-verify-url>{proof.verifyUrl}</span>
        </p>
        <p className="text-xs text-gray-600">本证明所列学时为开具时已审核认定且未作废的学时；证明是否有效以查验页面显示的状态为准。</p>
      </article>
    </div>
  );
}

/**
 * 开具学时证明: a 年度 select (the 计入年度 choices) and the button; the action's refusal (no
 * 认定学时 that year, …) above it.
 */
export function IssueProofForm({ years, result }: { years: readonly number[]; result: SubmissionResult<string[]> | null | undefined }) {
  return (
    <div className="mb-6 space-y-2">
      <ReplyErrors result={result} />
      <Form method="post" className="flex flex-wrap items-end gap-3">
        <label htmlFor="proof-year" className="text-sm text-gray-700">
          年度: <Select id="proof-year" name="year" defaultValue={years[0]} className={inputBase} options={years.map((y) => ({ code: y, name: String(y) }))} />
        </label>
        <button type="submit" className={buttonClass}>
          开具学时证明
        </button>
      </Form>
    </div>
  );
}

/** The proofs issued for a person, newest first: 年度 证明编号 合计学时 认定结果 开具日期 状态, and 查看. */
export function ProofList({ proofs, base }: { proofs: readonly HoursProof[]; base: string }) {
  return (
    <DataTable
      caption="已开具的学时证明"
      rows={proofs}
      rowKey={(p) => p.proofId}
      columns={[
        { header: "年度", cell: (p) => p.year, className: "text-center" },
        { header: "证明编号", cell: (p) => p.proofNo, className: "font-mono" },
        { header: "总学时", cell: (p) => p.total, className: "text-right" },
        { header: "认定结果", cell: (p) => complianceVerdict(p.compliant), className: "text-center" },
        { header: "开具日期", cell: (p) => p.issuedOn, className: "whitespace-nowrap" },
        { header: "状态", cell: (p) => hoursProofStatusLabels[p.status], className: "text-center" },
        {
          header: "操作",
          cell: (p) => (
            <Link to={`${base}/${p.proofId}`} className="text-blue-700 hover:underline">
              查看
            </Link>
          ),
          className: "text-center",
        },
      ]}
    />
  );
}
