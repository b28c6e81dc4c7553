import { CreateRoleInput, ListRolesInput, permissionGroups, permissionModules, type RoleRow, UpdateRoleInput } from "@ce/contracts";
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import { Breadcrumbs } from "../components/Breadcrumbs.tsx";
import { type Column, DataTable } from "../components/DataTable.tsx";
import { Form } from "../components/Form.tsx";
import { buttonClass, ErrorList, FormErrors, inputBase, inputClass } from "../components/forms.tsx";
import { Notice } from "../components/Notice.tsx";
import { Pager } from "../components/Pager.tsx";
import { classifyError, toFormErrors } from "../utils/errors.server.ts";
import { readTextForm } from "../utils/form-data.server.ts";
import { parseListQuery } from "../utils/query.ts";
import { requirePage, rethrowServiceError } from "../utils/session.server.ts";
import { type Typed, typedBack, typedChecked, typedOr } from "../utils/typed-back.ts";

const PATH = "/accounts/roles";
const labelOf = new Map<string, string>(permissionModules.map((m) => [m.code, m.label]));

// 管理直属账户 › 角色管理: ?add=1 or ?edit=<role id> opens the form with the modules as checkboxes.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { api, here } = await requirePage(request, context, PATH);
  const search = new URL(request.url).searchParams;
  const input = parseListQuery(ListRolesInput, search);
  const result = await api.identity.roles.list.query(input).catch((e) => rethrowServiceError(request, e));
  const editing = result.items.find((r) => r.id === search.get("edit")) ?? null;
  return { trail: [here.section.label, here.page.label], filters: { name: input.name ?? "" }, result, editing, adding: search.get("add") === "1" };
}

function listHref(search: string): string {
  const params = new URLSearchParams(search);
  params.delete("add");
  params.delete("edit");
  const q = params.toString();
  return q ? `${PATH}?${q}` : PATH;
}

type Outcome =
  | { kind: "form"; formErrors: string[]; fieldErrors: Record<string, string[]>; typed: Typed }
  | { kind: "delete"; message: string; confirmId: string | null; confirmName: string }
  | { kind: "done"; message: string };

export async function action({ request, context }: ActionFunctionArgs) {
  const { api } = await requirePage(request, context, PATH);
  const form = await readTextForm(request);
  const intent = form.get("intent");
  const back = listHref(new URL(request.url).search);
  if (intent === "delete") {
    const id = String(form.get("id") ?? "");
    const name = String(form.get("name") ?? "");
    try {
      const { removedFrom } = await api.identity.roles.delete.mutate({ id, confirm: form.get("confirm") === "true" });
      return { kind: "done", message: removedFrom > 0 ? `已删除角色${name}，并从${removedFrom}名管理员中移除` : `已删除角色${name}` } satisfies Outcome;
    } catch (error) {
      const failure = classifyError(error);
      // In use: ask again, with a button that confirms.
      const confirmId = failure.kind === "rejected" && failure.status === 409 ? id : null;
      return data({ kind: "delete", message: toFormErrors(error, []).formErrors.join("；"), confirmId, confirmName: name } satisfies Outcome, { status: 400 });
    }
  }
  // A refused 添加/编辑角色 comes back with the name and the ticked permissions (typed-back.ts).
  const typed = typedBack(form, "role", ["name"], ["permissions"]);
  const values = { id: form.get("id") ?? undefined, name: form.get("name") ?? "", permissions: form.getAll("permissions") };
  const parsed = (intent === "update" ? UpdateRoleInput : CreateRoleInput).safeParse(values);
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0]);
      fieldErrors[field] = [...(fieldErrors[field] ?? []), issue.message];
    }
    return data({ kind: "form", formErrors: [], fieldErrors, typed } satisfies Outcome, { status: 400 });
  }
  try {
    if (intent === "update") await api.identity.roles.update.mutate(parsed.data as UpdateRoleInput);
    else await api.identity.roles.create.mutate(parsed.data);
    return redirect(back);
  } catch (error) {
    return data({ kind: "form", ...toFormErrors(error, ["name", "permissions"]), typed } satisfies Outcome, { status: 400 });
  }
}

function RoleForm() {
  const { editing } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { search } = useLocation();
  const errors = actionData?.kind === "form" ? actionData : null;
  const held = new Set(editing?.permissions ?? []);
  return (
    <section aria-label={editing ? "编辑角色" : "添加角色"} className="mb-4 rounded border border-gray-200 bg-gray-50 p-4 text-sm">
      <h2 className="mb-3 font-semibold text-gray-800">{editing ? `编辑角色：${editing.name}` : "添加角色"}</h2>
      <Form method="post" className="space-y-3" key={editing?.id ?? "new"}>
        <input type="hidden" name="intent" value={editing ? "update" : "create"} />
        {editing ? <input type="hidden" name="id" value={editing.id} /> : null}
        <div className="flex items-start gap-3">
          <label htmlFor="role-name" className="pt-2 text-gray-700">
            <span className="mr-0.5 text-red-600">*</span>角色名称:
          </label>
          <div>
            <input
              id="role-name"
              name="name"
              defaultValue={typedOr(errors?.typed, "role", "name", editing?.name ?? "")}
              maxLength={30}
              className={`${inputClass} w-64`}
              aria-invalid={errors?.fieldErrors.name ? true : undefined}
            />
            <ErrorList errors={errors?.fieldErrors.name} />
          </div>
        </div>
        <fieldset>
          <legend className="mb-2 text-gray-700">权限模块:</legend>
          <div className="space-y-2">
            {permissionGroups().map((g) => (
              <div key={g.menu} className="grid grid-cols-[8rem_1fr] gap-2">
                <span className="font-medium text-gray-700">{g.menu}</span>
                <div className="flex flex-wrap gap-x-4 gap-y-1">
                  {g.modules.map((m) => (
                    <label key={m.code} className="inline-flex items-center gap-1">
                      <input
                        type="checkbox"
                        name="permissions"
                        value={m.code}
                        defaultChecked={typedChecked(errors?.typed, "role", "permissions", m.code, held.has(m.code))}
                      />
                      {m.label}
                    </label>
                  ))}
                </div>
              </div>
            ))}
          </div>
          <ErrorList errors={errors?.fieldErrors.permissions} />
        </fieldset>
        <p className="text-xs text-gray-500">角色权限的变更在管理员下次登录后生效；超级管理员始终拥有全部权限。</p>
        <FormErrors errors={errors?.formErrors} />
        <div className="space-x-3">
          <button type="submit" className={buttonClass} disabled={navigation.state === "submitting"}>
            保存
          </button>
          <Link to={listHref(search)} className="text-gray-600 hover:underline">
            取消
          </Link>
        </div>
      </Form>
    </section>
  );
}

function columns(offset: number, search: string): Column<RoleRow>[] {
  const editHref = (id: string) => {
    const params = new URLSearchParams(search);
    params.delete("add");
    params.set("edit", id);
    return `?${params.toString()}`;
  };
  return [
    { header: "序号", cell: (_, i) => offset + i + 1, className: "w-14 text-center" },
    { header: "角色名称", cell: (r) => r.name, className: "whitespace-nowrap" },
    { header: "权限模块", cell: (r) => r.permissions.map((p) => labelOf.get(p) ?? p).join("、") },
    { header: "管理员数", cell: (r) => r.adminCount, className: "w-20 text-center" },
    {
      header: "操作",
      className: "w-32 whitespace-nowrap text-center",
      cell: (r) => (
        <span className="space-x-3">
          <Link to={editHref(r.id)} className="text-blue-700 hover:underline">
            编辑
          </Link>
          <Form method="post" className="inline">
            <input type="hidden" name="intent" value="delete" />
            <input type="hidden" name="id" value={r.id} />
            <input type="hidden" name="name" value={r.name} />
            <button type="submit" className="text-blue-700 hover:underline">
              删除
            </button>
          </Form>
        </span>
      ),
    },
  ];
}

export default function RolesPage() {
  const { trail, filters, result, editing, adding } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { search } = useLocation();
  const addParams = new URLSearchParams(search);
  addParams.delete("edit");
  addParams.set("add", "1");
  return (
    <div>
      <Breadcrumbs trail={trail} />
      <Form method="get" key={search} className="mb-4 flex flex-wrap items-center gap-3 text-sm" role="search">
        <label htmlFor="filter-name" className="text-gray-700">
          角色名称:
        </label>
        <input id="filter-name" name="name" defaultValue={filters.name} maxLength={30} className={`${inputBase} w-48`} />
        <button type="submit" className={buttonClass}>
          查询
        </button>
        <Link to={`?${addParams.toString()}`} className={buttonClass}>
          添加角色
        </Link>
      </Form>
      {actionData?.kind === "done" ? (
        <div className="mb-4">
          <Notice tone="success">{actionData.message}</Notice>
        </div>
      ) : null}
      {actionData?.kind === "delete" ? (
        <div className="mb-4">
          <Notice tone="error">
            {actionData.message}
            {actionData.confirmId ? (
              <Form method="post" className="mt-2">
                <input type="hidden" name="intent" value="delete" />
                <input type="hidden" name="id" value={actionData.confirmId} />
                <input type="hidden" name="name" value={actionData.confirmName} />
                <input type="hidden" name="confirm" value="true" />
                <button type="submit" className={buttonClass}>
                  确认删除
                </button>
              </Form>
            ) : null}
          </Notice>
        </div>
      ) : null}
      {editing || adding ? <RoleForm /> : null}
      <DataTable caption="角色" columns={columns((result.page - 1) * result.pageSize, search)} rows={result.items} rowKey={(r) => r.id} />
      <Pager page={result.page} pageSize={result.pageSize} total={result.total} query={search} />
    </div>
  );
}
