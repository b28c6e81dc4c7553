import { type AuditLine, auditActionLabels, auditView, formatDateTime, ListAuditInput } from "@ce/contracts";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Breadcrumbs } from "../components/Breadcrumbs.tsx";
import type { Column } from "../components/DataTable.tsx";
import { inputBase } from "../components/forms.tsx";
import { PagedTable } from "../components/PagedTable.tsx";
import { Filter, SearchBar } from "../components/SearchBar.tsx";
import { filterValues } from "../utils/query.ts";
import { requireListPage } from "../utils/session.server.ts";

const PATH = "/audit";

// 管理直属账户 › 操作日志: the audit trail of the unit (and its subtree for an authority), every service's admin actions
// (hours' arrive as events: ADR 015), in the guide's words through contracts' auditView.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { trail, input, result } = await requireListPage(request, context, PATH, ListAuditInput, (api, input) => api.identity.audit.list.query(input));
  // Formatted here so server and browser print the same text.
  const rows = result.items.map((r) => ({ id: r.id, actorName: r.actorName, timeText: formatDateTime(r.occurredAt), ...auditView(r) }));
  return { trail, filters: filterValues(input, ["actor", "action", "from", "to"]), result: { ...result, items: rows } };
}

type Row = AuditLine & { id: string; actorName: string | null; timeText: string };

const changeList = (changes: Row["changes"], side: "from" | "to") => (
  <ul className="space-y-0.5 text-xs">
    {changes.map((c) => (
      <li key={c.field}>
        <span className="text-gray-500">{c.label}:</span> {side === "from" ? c.from : c.to}
      </li>
    ))}
  </ul>
);

const actions = Object.entries(auditActionLabels).map(([code, name]) => ({ code, name }));

const columns: Column<Row>[] = [
  { header: "时间", cell: (r) => r.timeText, className: "whitespace-nowrap" },
  { header: "操作人", cell: (r) => r.actorName ?? "系统", className: "whitespace-nowrap" },
  { header: "操作", cell: (r) => r.action, className: "whitespace-nowrap" },
  { header: "对象", cell: (r) => r.object },
  { header: "变更前", cell: (r) => changeList(r.changes, "from") },
  { header: "变更后", cell: (r) => changeList(r.changes, "to") },
];

export default function AuditPage() {
  const { trail, filters, result } = useLoaderData<typeof loader>();
  return (
    <div>
      <Breadcrumbs trail={trail} />
      <SearchBar>
        <Filter label="操作人" name="actor" value={filters.actor} maxLength={50} width="w-36" />
        <Filter label="操作类型" name="action" value={filters.action} options={actions} width="w-44" />
        <label htmlFor="filter-from" className="text-gray-700">
          日期:
        </label>
        <input id="filter-from" type="date" name="from" defaultValue={filters.from} className={inputBase} aria-label="开始日期" />
        <span>至</span>
        <input id="filter-to" type="date" name="to" defaultValue={filters.to} className={inputBase} aria-label="结束日期" />
      </SearchBar>
      <PagedTable caption="操作日志" columns={columns} result={result} rowKey={(r) => r.id} />
    </div>
  );
}
