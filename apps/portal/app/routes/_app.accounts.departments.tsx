import {
  CreateDepartmentInput,
  type DepartmentNode,
  departmentStatusLabels,
  ListDepartmentsInput,
  SetDepartmentStatusInput,
  UpdateDepartmentInput,
} from "@ce/contracts";
import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import { Breadcrumbs } from "../components/Breadcrumbs.tsx";
import { type Column, DataTable } from "../components/DataTable.tsx";
import { Form } from "../components/Form.tsx";
import { buttonClass, Field, FormErrors, inputBase, inputClass } from "../components/forms.tsx";
import { Notice } from "../components/Notice.tsx";
import { toFormErrors } from "../utils/errors.server.ts";
import { readTextForm } from "../utils/form-data.server.ts";
import { parseListQuery } from "../utils/query.ts";
import { requirePage, rethrowServiceError } from "../utils/session.server.ts";
import { zhErrorMap } from "../utils/validation.ts";

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

/** Back to the tree with the filter kept and the form closed. */
function backToList(request: Request) {
  return redirect(withParam(new URL(request.url).search));
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { api } = await requirePage(request, context, PATH);
  const formData = await readTextForm(request);
  const intent = formData.get("intent");
  if (intent === "status") {
    const parsed = SetDepartmentStatusInput.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return data({ result: null, statusError: "提交的信息有误，请检查后重试" }, { status: 400 });
    try {
      await api.identity.departments.setStatus.mutate(parsed.data);
      return backToList(request);
    } catch (error) {
      return data({ result: null, statusError: toFormErrors(error, []).formErrors.join("；") }, { status: 400 });
    }
  }
  const schema = intent === "update" ? UpdateDepartmentInput : CreateDepartmentInput;
  const submission = parseWithZod(formData, { schema, error: zhErrorMap });
  if (submission.status !== "success") return data({ result: submission.reply(), statusError: null }, { status: 400 });
  try {
    if (intent === "update") await api.identity.departments.update.mutate(submission.value as UpdateDepartmentInput);
    else await api.identity.departments.create.mutate(submission.value as CreateDepartmentInput);
    return backToList(request);
  } catch (error) {
    return data({ result: submission.reply(toFormErrors(error, FIELDS)), statusError: null }, { status: 400 });
  }
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
          {n.depth > 0 ? <span className="mr-1 text-gray-400">└</span> : null}
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
          {n.status === "ACTIVE" ? (
            <Link to={withParam(search, "add", n.id)} className="text-blue-700 hover:underline">
              添加下级
            </Link>
          ) : null}
          <Link to={withParam(search, "edit", n.id)} className="text-blue-700 hover:underline">
            编辑
          </Link>
          <Form method="post" className="inline">
            <input type="hidden" name="intent" value="status" />
            <input type="hidden" name="id" value={n.id} />
            <input type="hidden" name="status" value={n.status === "ACTIVE" ? "DISABLED" : "ACTIVE"} />
            <button type="submit" className="text-blue-700 hover:underline">
              {n.status === "ACTIVE" ? "禁用" : "启用"}
            </button>
          </Form>
        </span>
      ),
    },
  ];
}

function DepartmentForm() {
  const { mode, editing, parent } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { search } = useLocation();
  const schema = mode === "edit" ? UpdateDepartmentInput : CreateDepartmentInput;
  const [form, fields] = useForm({
    id: `department-${mode}-${editing?.id ?? parent?.id ?? "root"}`,
    lastResult: navigation.state === "idle" ? actionData?.result : null,
    constraint: getZodConstraint(schema),
    defaultValue: { name: editing?.name ?? "", sortOrder: String(editing?.sortOrder ?? 0) },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema, error: zhErrorMap }),
  });
  const { key: nameKey, ...nameProps } = getInputProps(fields.name, { type: "text" });
  const { key: sortKey, ...sortProps } = getInputProps(fields.sortOrder, { type: "number" });
  const title = mode === "edit" ? `编辑部门：${editing?.name ?? ""}` : parent ? `添加下级部门（上级：${parent.name}）` : "添加部门";
  return (
    <section aria-label={title} className="mb-4 max-w-lg rounded border border-gray-200 bg-gray-50 p-4">
      <h2 className="mb-3 text-sm font-semibold text-gray-800">{title}</h2>
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
        <div className="space-x-3 pl-[7.75rem]">
          <button type="submit" className={buttonClass} disabled={navigation.state === "submitting"}>
            保存
          </button>
          <Link to={withParam(search)} className="text-sm text-gray-600 hover:underline">
            取消
          </Link>
        </div>
      </Form>
    </section>
  );
}

export default function DepartmentsPage() {
  const { trail, filters, nodes, mode } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { search } = useLocation();
  return (
    <div>
      <Breadcrumbs trail={trail} />
      <Form method="get" key={search} className="mb-4 flex flex-wrap items-center gap-3 text-sm" role="search">
        <label htmlFor="filter-name" className="text-gray-700">
          名称:
        </label>
        <input id="filter-name" name="name" defaultValue={filters.name} maxLength={50} className={`${inputBase} w-56`} />
        <button type="submit" className={buttonClass}>
          查询
        </button>
        <Link to={withParam(search, "add", "root")} className={buttonClass}>
          添加
        </Link>
      </Form>
      {actionData?.statusError ? (
        <div className="mb-4">
          <Notice tone="error">{actionData.statusError}</Notice>
        </div>
      ) : null}
      {mode ? <DepartmentForm /> : null}
      <DataTable caption="内设部门" columns={columns(search)} rows={nodes} rowKey={(n) => n.id} />
    </div>
  );
}
