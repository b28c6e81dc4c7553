import { type AuditRow, auditActionLabel, auditActionLabels, auditChanges, auditFieldLabels, formatDateTime, ListAuditInput } from "@ce/contracts";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Breadcrumbs } from "../components/Breadcrumbs.tsx";
import type { Column } from "../components/DataTable.tsx";
import { inputBase } from "../components/forms.tsx";
import { PagedTable } from "../components/PagedTable.tsx";
import { SearchBar, SelectFilter, TextFilter } from "../components/SearchBar.tsx";
import { parseListQuery } from "../utils/query.ts";
import { requirePage, rethrowServiceError } from "../utils/session.server.ts";

const PATH = "/audit";
const entityLabels: Record<string, string> = { department: "部门", admin: "管理员", role: "角色", unit: "单位", unitChangeRequest: "机构信息修改申请" };

// 管理直属账户 › 操作日志: the audit trail of the unit (and its subtree for an authority).
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { api, here } = await requirePage(request, context, PATH);
  const input = parseListQuery(ListAuditInput, new URL(request.url).searchParams);
  const result = await api.identity.audit.list.query(input).catch((e) => rethrowServiceError(request, e));
  // Formatted here so server and browser print the same text.
  const rows = result.items.map((r) => ({ ...r, timeText: formatDateTime(r.occurredAt), changes: auditChanges(r.before, r.after) }));
  return {
    trail: [here.section.label, here.page.label],
    filters: { actor: input.actor ?? "", action: input.action ?? "", from: input.from ?? "", to: input.to ?? "" },
    result: { ...result, items: rows },
  };
}

type Row = AuditRow & { timeText: string; changes: { field: string; from: string; to: string }[] };

const changeList = (changes: Row["changes"], side: "from" | "to") => (
  <ul className="space-y-0.5 text-xs">
    {changes.map((c) => (
      <li key={c.field}>
        <span className="text-gray-500">{auditFieldLabels[c.field] ?? c.field}:</span> {side === "from" ? c.from : c.to}
      </li>
    ))}
  </ul>
);

const actions = Object.entries(auditActionLabels).map(([code, name]) => ({ code, name }));

const columns: Column<Row>[] = [
  { header: "时间", cell: (r) => r.timeText, className: "whitespace-nowrap" },
  { header: "操作人", cell: (r) => r.actorName ?? "系统", className: "whitespace-nowrap" },
  { header: "操作", cell: (r) => auditActionLabel(r.action), className: "whitespace-nowrap" },
  { header: "对象", cell: (r) => entityLabels[r.entityType] ?? r.entityType, className: "whitespace-nowrap" },
  { header: "变更前", cell: (r) => changeList(r.changes, "from") },
  { header: "变更后", cell: (r) => changeList(r.changes, "to") },
];

export default function AuditPage() {
  const { trail, filters, result } = useLoaderData<typeof loader>();
  return (
    <div>
      <Breadcrumbs trail={trail} />
      <SearchBar>
        <TextFilter label="操作人" name="actor" value={filters.actor} maxLength={50} width="w-36" />
        <SelectFilter label="操作类型" name="action" value={filters.action} options={actions} width="w-44" />
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
