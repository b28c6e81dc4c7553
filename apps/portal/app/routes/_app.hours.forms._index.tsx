import { describeHourRule, type LearningForm, subjectLabels } from "@ce/contracts";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Breadcrumbs } from "../components/Breadcrumbs.tsx";
import { type Column, DataTable, linkColumn, numberColumn } from "../components/DataTable.tsx";
import { ProvinceOnlyNotice } from "../components/hours/ProvinceOnlyNotice.tsx";
import { requireFormsViewer } from "../utils/province.server.ts";
import { rethrowServiceError } from "../utils/session.server.ts";

const PATH = "/hours/forms";

// 学习形式管理: each learning form's version in force today, for the province to keep up to date.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { api, here, allowed } = await requireFormsViewer(request, context);
  const trail = [here.section.label, here.page.label];
  if (!allowed) return { trail, allowed, forms: [] as LearningForm[] };
  const forms = await api.hours.forms.list.query().catch((e) => rethrowServiceError(request, e));
  return { trail, allowed, forms };
}

const columns: Column<LearningForm>[] = [
  numberColumn(),
  { header: "学习形式", cell: (f) => f.name },
  { header: "计入科目", cell: (f) => f.subjects.map((s) => subjectLabels[s]).join("、") },
  { header: "学时规则", cell: (f) => describeHourRule(f.rule) },
  { header: "提示文字", cell: (f) => f.hint || "—" },
  {
    header: "当前版本生效日期",
    cell: (f) => (
      <span>
        {f.effectiveFrom}
        <span className="ml-1 text-xs text-gray-500">{`（第${f.version}版）`}</span>
      </span>
    ),
    className: "whitespace-nowrap text-center",
  },
  linkColumn("编辑", (f) => `${PATH}/${encodeURIComponent(f.code)}`, { className: "text-center whitespace-nowrap", ariaLabel: (f) => `编辑${f.name}` }),
];

export default function FormsPage() {
  const { trail, allowed, forms } = useLoaderData<typeof loader>();
  return (
    <div>
      <Breadcrumbs trail={trail} />
      {!allowed ? (
        <ProvinceOnlyNotice />
      ) : (
        <>
          <h1 className="mb-3 text-lg font-semibold text-gray-900">学习形式管理</h1>
          <DataTable columns={columns} rows={forms} rowKey={(f) => f.code} caption="学习形式" />
          <p className="mt-3 text-xs text-gray-500">修改学习形式会生成一个新版本，自生效日期起用于新的申报；已认定的记录不受影响。</p>
        </>
      )}
    </div>
  );
}
