import { type AdminRow, AdminTarget, AssignRolesInput, adminStatusLabels, ListAdminsInput, SetAdminStatusInput } from "@ce/contracts";
import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import type { ReactNode } from "react";
import { Breadcrumbs } from "../components/Breadcrumbs.tsx";
import { type Column, DataTable } from "../components/DataTable.tsx";
import { Form } from "../components/Form.tsx";
import { buttonClass, inputBase } from "../components/forms.tsx";
import { Notice } from "../components/Notice.tsx";
import { Pager } from "../components/Pager.tsx";
import { toFormErrors } from "../utils/errors.server.ts";
import { readTextForm } from "../utils/form-data.server.ts";
import { parseListQuery } from "../utils/query.ts";
import { redirectToLogin, requirePage, rethrowServiceError } from "../utils/session.server.ts";
import { type Typed, typedBack, typedChecked } from "../utils/typed-back.ts";

const PATH = "/accounts/admins";

// 管理直属账户 › 管理单位管理员: the unit's admins; ?roles=<admin id> opens 分配角色.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { me, api, here } = await requirePage(request, context, PATH);
  const search = new URL(request.url).searchParams;
  const input = parseListQuery(ListAdminsInput, search);
  const [result, options] = await Promise.all([api.identity.admins.list.query(input), api.identity.admins.options.query()]).catch((e) =>
    rethrowServiceError(request, e),
  );
  const assigning = result.items.find((a) => a.id === search.get("roles")) ?? null;
  return {
    trail: [here.section.label, here.page.label],
    filters: { name: input.name ?? "" },
    result,
    roles: options.roles,
    assigning,
    isSuper: me.isSuperAdmin,
    myAccountId: me.accountId,
  };
}

const done = (message: string, temporaryPassword: string | null = null) => ({ ok: true, message, temporaryPassword });
// A refused 分配角色 comes back with the roles ticked (typed-back.ts); the other intents have nothing typed.
const refused = (message: string, typed: Typed | null = null) => data({ ok: false, message, temporaryPassword: null, typed }, { status: 400 });

export async function action({ request, context }: ActionFunctionArgs) {
  const { api } = await requirePage(request, context, PATH);
  const form = await readTextForm(request);
  const intent = String(form.get("intent"));
  const name = String(form.get("name") ?? "");
  const admins = api.identity.admins;
  try {
    if (intent === "roles") {
      await admins.assignRoles.mutate(AssignRolesInput.parse({ adminId: form.get("adminId"), roleIds: form.getAll("roleIds") }));
      return done(`已为${name}分配角色，该管理员下次登录后生效`);
    }
    if (intent === "status") {
      const input = SetAdminStatusInput.parse(Object.fromEntries(form));
      await admins.setStatus.mutate(input);
      return done(`已${adminStatusLabels[input.status]}管理员${name}`);
    }
    const target = AdminTarget.parse(Object.fromEntries(form));
    if (intent === "setSuper") {
      await admins.setSuper.mutate(target);
      // The former super admin (this user) has just lost its admin rights and its session.
      throw await redirectToLogin(request);
    }
    if (intent === "remove") {
      await admins.remove.mutate(target);
      return done(`已删除${name}的管理员权限`);
    }
    if (intent === "resetPassword") {
      const { temporaryPassword } = await admins.resetPassword.mutate(target);
      return done(`已重置${name}的密码，临时密码（仅显示一次）：`, temporaryPassword);
    }
    return refused("提交的信息有误，请检查后重试");
  } catch (error) {
    if (error instanceof Response) throw error;
    return refused(toFormErrors(error, []).formErrors.join("；"), intent === "roles" ? typedBack(form, "roles", [], ["roleIds"]) : null);
  }
}

/** A one-button form for a row action; `confirm` asks first. */
function RowAction({ admin, intent, label, confirm, extra }: { admin: AdminRow; intent: string; label: string; confirm?: string; extra?: ReactNode }) {
  return (
    <Form method="post" className="inline" onSubmit={(e) => (confirm && !window.confirm(confirm) ? e.preventDefault() : undefined)}>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="adminId" value={admin.id} />
      <input type="hidden" name="name" value={admin.name} />
      {extra}
      <button type="submit" className="text-blue-700 hover:underline">
        {label}
      </button>
    </Form>
  );
}

function columns(search: string, viewer: { isSuper: boolean; myAccountId: string }): Column<AdminRow>[] {
  const rolesHref = (id: string) => {
    const params = new URLSearchParams(search);
    params.set("roles", id);
    return `?${params.toString()}`;
  };
  return [
    {
      header: "姓名",
      className: "whitespace-nowrap",
      cell: (a) => (
        <span>
          {a.name}
          {a.isSuper ? <span className="ml-1 rounded bg-orange-100 px-1.5 py-0.5 text-xs text-orange-700">超级管理员</span> : null}
        </span>
      ),
    },
    { header: "证件号", cell: (a) => a.idNumberMasked, className: "whitespace-nowrap font-mono" },
    { header: "手机", cell: (a) => a.phoneMasked ?? "", className: "whitespace-nowrap font-mono" },
    { header: "电子邮箱", cell: (a) => a.email ?? "" },
    { header: "工作部门", cell: (a) => a.departmentName ?? "", className: "whitespace-nowrap" },
    { header: "角色", cell: (a) => (a.isSuper ? "全部权限" : a.roles.map((r) => r.name).join("、")) },
    { header: "状态", cell: (a) => adminStatusLabels[a.status], className: "whitespace-nowrap text-center" },
    {
      header: "操作",
      className: "whitespace-nowrap text-center",
      cell: (a) =>
        a.isSuper || a.accountId === viewer.myAccountId ? null : (
          <span className="space-x-2 text-xs">
            {viewer.isSuper && a.status === "ACTIVE" ? (
              <RowAction admin={a} intent="setSuper" label="设为超级管理员" confirm={`确定将${a.name}设为超级管理员吗？设置后您的管理员权限将被自动删除。`} />
            ) : null}
            {viewer.isSuper ? <RowAction admin={a} intent="resetPassword" label="重置密码" confirm={`确定重置${a.name}的密码吗？`} /> : null}
            {viewer.isSuper ? (
              <RowAction
                admin={a}
                intent="status"
                label={a.status === "ACTIVE" ? "禁用" : "启用"}
                extra={<input type="hidden" name="status" value={a.status === "ACTIVE" ? "DISABLED" : "ACTIVE"} />}
              />
            ) : null}
            <RowAction admin={a} intent="remove" label="删除" confirm={`确定删除${a.name}的管理员权限吗？账户本身会保留。`} />
            <Link to={rolesHref(a.id)} className="text-blue-700 hover:underline">
              分配角色
            </Link>
          </span>
        ),
    },
  ];
}

function AssignRoles() {
  const { assigning, roles } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const typed = reply && "typed" in reply ? reply.typed : null;
  const { search } = useLocation();
  if (!assigning) return null;
  const held = new Set(assigning.roles.map((r) => r.id));
  const params = new URLSearchParams(search);
  params.delete("roles");
  return (
    <section aria-label="分配角色" className="mb-4 max-w-xl rounded border border-gray-200 bg-gray-50 p-4 text-sm">
      <h2 className="mb-2 font-semibold text-gray-800">分配角色：{assigning.name}</h2>
      <Form method="post" action={`${PATH}?${params.toString()}`} className="space-y-3">
        <input type="hidden" name="intent" value="roles" />
        <input type="hidden" name="adminId" value={assigning.id} />
        <input type="hidden" name="name" value={assigning.name} />
        {roles.length === 0 ? <p className="text-gray-500">本单位还没有角色，请先在“角色管理”中添加。</p> : null}
        <div className="flex flex-wrap gap-4">
          {roles.map((r) => (
            <label key={r.id} className="inline-flex items-center gap-1">
              <input type="checkbox" name="roleIds" value={r.id} defaultChecked={typedChecked(typed, "roles", "roleIds", r.id, held.has(r.id))} />
              {r.name}
            </label>
          ))}
        </div>
        <p className="text-xs text-gray-500">角色的变更在该管理员下次登录后生效。</p>
        <div className="space-x-3">
          <button type="submit" className={buttonClass}>
            保存
          </button>
          <Link to={`${PATH}?${params.toString()}`} className="text-gray-600 hover:underline">
            取消
          </Link>
        </div>
      </Form>
    </section>
  );
}

export default function AdminsPage() {
  const { trail, filters, result, isSuper, myAccountId } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { search } = useLocation();
  return (
    <div>
      <Breadcrumbs trail={trail} />
      <Form method="get" key={search} className="mb-4 flex flex-wrap items-center gap-3 text-sm" role="search">
        <label htmlFor="filter-name" className="text-gray-700">
          姓名:
        </label>
        <input id="filter-name" name="name" defaultValue={filters.name} maxLength={50} className={`${inputBase} w-48`} />
        <button type="submit" className={buttonClass}>
          查询
        </button>
        <Link to={`${PATH}/new`} className={buttonClass}>
          新增管理员
        </Link>
      </Form>
      {actionData ? (
        <div className="mb-4">
          <Notice tone={actionData.ok ? "success" : "error"}>
            {actionData.message}
            {actionData.ok && actionData.temporaryPassword ? <strong className="ml-1 font-mono text-base">{actionData.temporaryPassword}</strong> : null}
          </Notice>
        </div>
      ) : null}
      <AssignRoles />
      <DataTable caption="单位管理员" columns={columns(search, { isSuper, myAccountId })} rows={result.items} rowKey={(a) => a.id} />
      <Pager page={result.page} pageSize={result.pageSize} total={result.total} query={search} />
    </div>
  );
}
