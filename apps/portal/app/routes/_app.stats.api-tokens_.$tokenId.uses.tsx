import {
  type ApiTokenUseRow,
  ApiTokenUsesInput,
  apiTokenStatusLabels,
  apiTokenUseOutcome,
  apiTokenUseProcedureLabel,
  formatDateTime,
  PageRequest,
} from "@ce/contracts";
import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Breadcrumbs } from "../components/Breadcrumbs.tsx";
import type { Column } from "../components/DataTable.tsx";
import { PagedTable } from "../components/PagedTable.tsx";
import { STATS } from "../components/stats/links.ts";
import { parseListQuery } from "../utils/query.ts";
import { requirePage, rethrowServiceError } from "../utils/session.server.ts";

/** 接口令牌管理, whose menu entry (super admins only) opens this page too. */
const TOKENS_PATH = STATS.apiTokens;

// 接口令牌管理 › 调用记录: one token's calls (reporting api_token_use), newest first, with the
// portal's pager. Reporting answers only a token of the admin's own unit — another unit's token id
// is 404 like an unknown one, and no other unit's log is read.
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { api, here } = await requirePage(request, context, TOKENS_PATH);
  const paging = parseListQuery(PageRequest, new URL(request.url).searchParams);
  const input = ApiTokenUsesInput.safeParse({ ...paging, id: params.tokenId });
  if (!input.success) throw data({ message: "令牌不存在或不属于本单位" }, { status: 404 });
  const uses = await api.reporting.apiTokens.uses.query(input.data).catch((e) => rethrowServiceError(request, e));
  return { trail: [here.section.label, here.page.label, `${uses.token.name}的调用记录`], uses };
}

const columns: Column<ApiTokenUseRow>[] = [
  { header: "调用时间", cell: (u) => formatDateTime(new Date(u.occurredAt)), className: "whitespace-nowrap" },
  { header: "接口", cell: (u) => apiTokenUseProcedureLabel(u.procedure) },
  {
    header: "结果",
    cell: (u) => {
      const { status, label } = apiTokenUseOutcome(u.outcome);
      return status === null ? label : `${label}（${status}）`;
    },
  },
  { header: "返回行数", cell: (u) => u.rows ?? "—", className: "w-20 text-center" },
  { header: "证件号查询", cell: (u) => (u.idLookup ? `找到${u.idLookup.found}人` : "—"), className: "whitespace-nowrap" },
  { header: "来源地址", cell: (u) => u.clientAddress ?? "—", className: "whitespace-nowrap font-mono text-xs" },
  { header: "请求编号", cell: (u) => <span className="break-all font-mono text-xs">{u.requestId ?? "—"}</span> },
];

export default function ApiTokenUsesPage() {
  const { trail, uses } = useLoaderData<typeof loader>();
  const { token } = uses;
  return (
    <div>
      <Breadcrumbs trail={trail} />
      <p className="mb-3 text-sm text-gray-700">
        令牌“{token.name}”（<span className="font-mono">{token.prefix}…</span>，{apiTokenStatusLabels[token.status]}
        ）的每次调用，最新的在前；时间为北京时间，来源地址只显示所在网段。
      </p>
      <PagedTable caption="调用记录" columns={columns} result={uses} rowKey={(u) => u.id} />
      <p className="mt-4 text-sm">
        <Link to={TOKENS_PATH} className="text-blue-700 hover:underline">
          返回
        </Link>
      </p>
    </div>
  );
}
