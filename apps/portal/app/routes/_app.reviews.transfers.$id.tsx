import { codeText, formatDateTime, titleSeriesName, transferStatusLabels } from "@ce/contracts";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { Breadcrumbs } from "../components/Breadcrumbs.tsx";
import { FactList } from "../components/FactList.tsx";
import { ReplyErrors } from "../components/forms.tsx";
import { TextLink } from "../components/TextLink.tsx";
import { DecideTransfer } from "../components/TransferTables.tsx";
import { uuidParam } from "../utils/errors.server.ts";
import { requireDetailPage, requirePage } from "../utils/session.server.ts";
import { transferAction } from "../utils/transfers.server.ts";

const PATH = "/reviews/transfers";

// 调转记录 › 详情: one transfer as either unit sees it; while 待转入, the receiving side decides it here too
// (确认调转 / 拒绝, the 人员调入 row's form: transferAction, a flash back on this page).
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { trail, detail } = await requireDetailPage(request, context, PATH, "详情", (api) =>
    api.identity.transfers.detail.query({ id: uuidParam(params, "id") }),
  );
  return { trail, transfer: detail };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { api } = await requirePage(request, context, PATH);
  return transferAction(request, api);
}

export default function TransferDetailPage() {
  const { trail, transfer } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const attachment = transfer.hasAttachment ? (
    <a href={`${PATH}/${transfer.id}/attachment`} target="_blank" rel="noreferrer">
      <img src={`${PATH}/${transfer.id}/attachment`} alt={transfer.attachmentName ?? "附件"} className="max-h-64 max-w-full border border-gray-200" />
    </a>
  ) : (
    (transfer.attachmentName ?? "")
  );
  const rows: [string, ReactNode][] = [
    ["姓名", transfer.name],
    ["证件号", transfer.idNumberMasked],
    ["原调出单位", transfer.fromUnitName],
    ["调入单位", transfer.toUnitName],
    ["专业技术职务系列", codeText(titleSeriesName, transfer.titleSeries)],
    ["从事专业", transfer.major ?? ""],
    ["专业技术职务任职资格", transfer.qualification ?? ""],
    ["本单位联系电话", transfer.contactPhone],
    ["调转原因", transfer.reason],
    ["附件", attachment],
    ["申请时间", formatDateTime(transfer.createdAt)],
    ["处理结果", transferStatusLabels[transfer.status]],
    ["拒绝原因", transfer.reviewReason ?? ""],
  ];
  return (
    <div className="max-w-3xl">
      <Breadcrumbs trail={trail} />
      <ReplyErrors result={reply?.result} />
      <FactList facts={rows} look="wide" />
      {transfer.decidable ? (
        <div className="mt-4 text-sm">
          <DecideTransfer transfer={transfer} />
        </div>
      ) : null}
      <p className="mt-4 text-sm">
        <TextLink to={`${PATH}?tab=records`}>返回</TextLink>
      </p>
    </div>
  );
}
