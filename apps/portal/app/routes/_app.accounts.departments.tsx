import {
  CreateDepartmentInput,
  type DepartmentNode,
  departmentStatusLabels,
  ListDepartmentsInput,
  SetDepartmentStatusInput,
  UpdateDepartmentInput,
} from "@ce/contracts";
import { getFormProps, getInputProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { z } from "zod";
import { Breadcrumbs } from "../components/Breadcrumbs.tsx";
import { type Column, DataTable } from "../components/DataTable.tsx";
import { Form } from "../components/Form.tsx";
import { Field, FormErrors, FormPanel, inputClass, ReplyErrors, SubmitRow, useSchemaForm } from "../components/forms.tsx";
import { RowAction } from "../components/RowAction.tsx";
import { Filter, SearchBar } from "../components/SearchBar.tsx";
import { TextLink } from "../components/TextLink.tsx";
import { redirectWithFlash } from "../utils/flash.server.ts";
import { formAction } from "../utils/form-action.server.ts";
import { readIntentForm } from "../utils/form-data.server.ts";
import { parseListQuery } from "../utils/query.ts";
import { requirePage, rethrowServiceError } from "../utils/session.server.ts";
import { ShownName } from "../utils/validation.ts";

const PATH = "/accounts/departments";
const FIELDS = ["name", "sortOrder"] as const;

// 管理直属账户 › 管理内设部门: the unit's department tree; ?add=<parent id|root> or ?edit=<id> opens the form.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { api, here } = await requirePage(request, context, PATH);
  const search = new URL(request.url).searchParams;
  const input = parseListQuery(ListDepartmentsInput, search);
  const nodes = await api.identity.departments.list.query(input).catch((e) => rethrowServiceError(request, e));
  const editing = nodes.find((n) => n.id === search.get("edit")) ?? null;
  const add = search.get("add");
  const parent = add && add !== "root" ? (nodes.find((n) => n.id === add) ?? null) : null;
  const mode = editing ? "edit" : add === "root" || parent ? "add" : null;
  return { trail: [here.section.label, here.page.label], filters: { name: input.name ?? "" }, nodes, mode, editing, parent };
}

/** One schema per intent: 添加 / 添加下级, 编辑, and the row's 禁用 / 启用. */
const CreateDepartmentForm = CreateDepartmentInput.extend({ intent: z.literal("create") });
const UpdateDepartmentForm = UpdateDepartmentInput.extend({ intent: z.literal("update") });
const DepartmentAction = z.discriminatedUnion("intent", [
  CreateDepartmentForm,
  UpdateDepartmentForm,
  SetDepartmentStatusInput.extend({ intent: z.literal("status"), name: ShownName }),
]);

// Saved: back to the tree with the filter kept and the form closed, and the flash.
export async function action({ request, context }: ActionFunctionArgs) {
  const { api } = await requirePage(request, context, PATH);
  const { form, intent } = await readIntentForm(request);
  const departments = api.identity.departments;
  const back = withParam(new URL(request.url).search);
  const fields = intent === "status" ? [] : FIELDS;
  return formAction(request, DepartmentAction, { form, fields, extra: () => ({ intent }) }, async (v) => {
    if (v.intent === "status") {
      await departments.setStatus.mutate({ id: v.id, status: v.status });
      return redirectWithFlash(back, `已${departmentStatusLabels[v.status]}部门${v.name}`);
    }
    if (v.intent === "update") {
      await departments.update.mutate({ id: v.id, name: v.name, sortOrder: v.sortOrder });
      return redirectWithFlash(back, `已保存部门${v.name}`);
    }
    await departments.create.mutate({ parentId: v.parentId, name: v.name, sortOrder: v.sortOrder });
    return redirectWithFlash(back, `已添加部门${v.name}`);
  });
}

/** The page's address with the form closed, or opened as `key=value`; the filter stays. */
function withParam(search: string, key?: "add" | "edit", value?: string): string {
  const params = new URLSearchParams(search);
  params.delete("add");
  params.delete("edit");
  if (key && value) params.set(key, value);
  const q = params.toString();
  return q ? `${PATH}?${q}` : PATH;
}

function columns(search: string): Column<DepartmentNode>[] {
  return [
    {
      header: "部门名称",
      cell: (n) => (
        <span className={n.matched ? "" : "text-gray-500"}>
          {/* One 1.5rem step per level: an inline style attribute would break the CSP. */}
          {Array.from({ length: n.depth }, (_, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: identical empty spacers; their position is all that tells them apart.
            <span key={i} aria-hidden="true" className="inline-block w-6" />
          ))}
          {n.depth > 0 ? <span className="mr-1 text-gray-600">└</span> : null}
          {n.name}
        </span>
      ),
    },
    { header: "排序号", cell: (n) => n.sortOrder, className: "w-20 text-center" },
    { header: "状态", cell: (n) => departmentStatusLabels[n.status], className: "w-20 text-center" },
    {
      header: "操作",
      className: "w-56 whitespace-nowrap text-center",
      cell: (n) => (
        <span className="space-x-3">
          {n.status === "ACTIVE" ? <TextLink to={withParam(search, "add", n.id)}>添加下级</TextLink> : null}
          <TextLink to={withParam(search, "edit", n.id)}>编辑</TextLink>
          <RowAction
            intent="status"
            values={{ id: n.id, name: n.name, status: n.status === "ACTIVE" ? "DISABLED" : "ACTIVE" }}
            label={n.status === "ACTIVE" ? "禁用" : "启用"}
            confirm={n.status === "ACTIVE" ? `确定禁用部门“${n.name}”吗？` : undefined}
          />
        </span>
      ),
    },
  ];
}

function DepartmentForm() {
  const { mode, editing, parent } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { search } = useLocation();
  const [form, fields] = useSchemaForm(mode === "edit" ? UpdateDepartmentForm : CreateDepartmentForm, {
    id: `department-${mode}-${editing?.id ?? parent?.id ?? "root"}`,
    lastResult: reply?.intent === "status" ? null : reply?.result,
    defaultValue: { name: editing?.name ?? "", sortOrder: String(editing?.sortOrder ?? 0) },
  });
  const { key: nameKey, ...nameProps } = getInputProps(fields.name, { type: "text" });
  const { key: sortKey, ...sortProps } = getInputProps(fields.sortOrder, { type: "number" });
  const title = mode === "edit" ? `编辑部门：${editing?.name ?? ""}` : parent ? `添加下级部门（上级：${parent.name}）` : "添加部门";
  return (
    <FormPanel title={title} className="max-w-lg">
      <Form method="post" {...getFormProps(form)} className="space-y-3">
        <input type="hidden" name="intent" value={mode === "edit" ? "update" : "create"} />
        {mode === "edit" ? <input type="hidden" name="id" value={editing?.id} /> : null}
        {parent ? <input type="hidden" name="parentId" value={parent.id} /> : null}
        <Field label="部门名称" htmlFor={fields.name.id} errors={fields.name.errors} errorId={fields.name.errorId} required>
          <input key={nameKey} {...nameProps} className={inputClass} />
        </Field>
        <Field label="排序号" htmlFor={fields.sortOrder.id} errors={fields.sortOrder.errors} errorId={fields.sortOrder.errorId}>
          <input key={sortKey} {...sortProps} className={`${inputClass} max-w-[8rem]`} />
        </Field>
        <FormErrors id={form.errorId} errors={form.errors} />
        <SubmitRow label="保存" cancel={withParam(search)} />
      </Form>
    </FormPanel>
  );
}

export default function DepartmentsPage() {
  const { trail, filters, nodes, mode } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { search } = useLocation();
  return (
    <div>
      <Breadcrumbs trail={trail} />
      <SearchBar add={{ to: withParam(search, "add", "root"), label: "添加" }}>
        <Filter label="名称" name="name" value={filters.name} maxLength={50} width="w-56" />
      </SearchBar>
      <ReplyErrors result={reply?.intent === "status" ? reply.result : null} />
      {mode ? <DepartmentForm /> : null}
      <DataTable caption="内设部门" columns={columns(search)} rows={nodes} rowKey={(n) => n.id} />
    </div>
  );
}
