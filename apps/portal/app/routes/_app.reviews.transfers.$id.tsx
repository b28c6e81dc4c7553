import { codeText, formatDateTime, titleSeriesName, transferStatusLabels } from "@ce/contracts";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { Breadcrumbs } from "../components/Breadcrumbs.tsx";
import { FactList } from "../components/FactList.tsx";
import { TextLink } from "../components/TextLink.tsx";
import { uuidParam } from "../utils/errors.server.ts";
import { requireDetailPage } from "../utils/session.server.ts";

const PATH = "/reviews/transfers";

// 调转记录 › 详情: one transfer as either unit sees it.
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { trail, detail } = await requireDetailPage(request, context, PATH, "详情", (api) =>
    api.identity.transfers.detail.query({ id: uuidParam(params, "id") }),
  );
  return { trail, transfer: detail };
}

export default function TransferDetailPage() {
  const { trail, transfer } = useLoaderData<typeof loader>();
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
      <FactList facts={rows} labels="wide" />
      <p className="mt-4 text-sm">
        <TextLink to={`${PATH}?tab=records`}>返回</TextLink>
      </p>
    </div>
  );
}
