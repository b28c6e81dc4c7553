import { ListRecordsInput, type RecordsTab } from "@ce/contracts";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Breadcrumbs } from "../components/Breadcrumbs.tsx";
import { declaredByColumn, detailColumn, recordColumns } from "../components/hours/RecordColumns.tsx";
import { DownloadRefusal } from "../components/Notice.tsx";
import { PagedTable } from "../components/PagedTable.tsx";
import { pageWithRefusal } from "../utils/download-refusal.server.ts";
import { loaderHeaders } from "../utils/route-headers.ts";
import { requireListPage } from "../utils/session.server.ts";

const PATH = "/hours/records";
/** The loader's headers (a refused download's one-time cookie cleared) reach the document answer too. */
export const headers = loaderHeaders;

const tabs: { tab: RecordsTab; label: string }[] = [
  { tab: "ALL", label: "全部" },
  { tab: "PENDING", label: "待审核" },
  { tab: "APPROVED", label: "审核通过" },
  { tab: "REJECTED", label: "审核不通过" },
];

// 查看申报记录 › 学时申报记录 (§3.5): an admin sees their subtree's declarations and those their unit declared
// for people elsewhere (a 继续教育基地's classes, with 申报单位), a professional their own.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { trail, input, result } = await requireListPage(request, context, PATH, ListRecordsInput, (api, input) => api.hours.declarations.records.query(input));
  // A refused 导出 (or a refused 附件 opened by itself) comes back here with its message.
  return pageWithRefusal(request, { trail, tab: input.tab, result });
}

export default function RecordsPage() {
  const { trail, tab, result, refused } = useLoaderData<typeof loader>();
  return (
    <div>
      <Breadcrumbs trail={trail} />
      <div className="mb-4 flex items-end justify-between border-b border-gray-200">
        <nav aria-label="认定结果" className="flex gap-1 text-sm">
          {tabs.map((t) => (
            <Link
              key={t.tab}
              to={`?tab=${t.tab}`}
              aria-current={t.tab === tab ? "page" : undefined}
              className={`-mb-px border px-4 py-2 ${t.tab === tab ? "border-gray-200 border-b-white bg-white font-medium text-blue-700" : "border-transparent text-gray-600 hover:text-blue-700"}`}
            >
              {t.label}
            </Link>
          ))}
        </nav>
        <span className="mb-2 flex gap-3 text-sm">
          <a href={`${PATH}/export?tab=${tab}`} className="text-blue-700 hover:underline" download>
            导出Excel
          </a>
          <a href={`${PATH}/export?tab=${tab}&format=csv`} className="text-blue-700 hover:underline" download>
            导出CSV
          </a>
        </span>
      </div>
      <DownloadRefusal refused={refused} />
      <PagedTable caption="学时申报记录" columns={[...recordColumns, declaredByColumn, detailColumn]} numbered result={result} rowKey={(r) => r.id} />
    </div>
  );
}
