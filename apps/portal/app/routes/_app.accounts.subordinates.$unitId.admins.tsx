import { RemoveSubordinateAdminInput, type SubordinateAdminRow } from "@ce/contracts";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { Breadcrumbs } from "../components/Breadcrumbs.tsx";
import { type Column, DataTable } from "../components/DataTable.tsx";
import { ReplyErrors } from "../components/forms.tsx";
import { RowAction } from "../components/RowAction.tsx";
import { redirectWithFlash, samePage } from "../utils/flash.server.ts";
import { formAction } from "../utils/form-action.server.ts";
import { requirePage, rethrowServiceError } from "../utils/session.server.ts";
import { ShownName } from "../utils/validation.ts";

const LIST = "/accounts/subordinates";

// 管理下级单位 › 管理员信息: 姓名 证件号 手机 电子邮箱 操作 (删除 takes the admin rights only).
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { me, api, here } = await requirePage(request, context, LIST);
  const unitId = params.unitId ?? "";
  const [unit, admins] = await Promise.all([api.identity.units.detail.query({ unitId }), api.identity.units.admins.query({ unitId })]).catch((e) =>
    rethrowServiceError(request, e),
  );
  return {
    trail: [here.section.label, here.page.label, "管理员信息"],
    unit: { id: unit.id, name: unit.name },
    admins,
    canDelete: me.permissions.includes("subordinate.manage"),
  };
}

/** 删除: one admin's rights in the unit, the admin named for the flash. */
const RemoveAdminForm = RemoveSubordinateAdminInput.extend({ name: ShownName });

export async function action({ request, context }: ActionFunctionArgs) {
  const { api } = await requirePage(request, context, LIST);
  return formAction(request, RemoveAdminForm, {}, async ({ unitId, adminId, name }) => {
    await api.identity.units.removeAdmin.mutate({ unitId, adminId });
    return redirectWithFlash(samePage(request), `已删除${name}的管理员权限`);
  });
}

function columns(unitId: string, canDelete: boolean): Column<SubordinateAdminRow>[] {
  return [
    { header: "姓名", cell: (a) => (a.isSuper ? `${a.name}（超级管理员）` : a.name) },
    { header: "证件号", cell: (a) => a.idNumberMasked, className: "font-mono" },
    { header: "手机", cell: (a) => a.phoneMasked ?? "", className: "font-mono" },
    { header: "电子邮箱", cell: (a) => a.email ?? "" },
    {
      header: "操作",
      className: "w-24 text-center",
      cell: (a) =>
        canDelete && !a.isSuper ? (
          <RowAction intent="remove" values={{ unitId, adminId: a.adminId, name: a.name }} label="删除" confirm={`确定删除${a.name}的管理员权限吗？`} />
        ) : null,
    },
  ];
}

export default function SubordinateAdminsPage() {
  const { trail, unit, admins, canDelete } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div>
      <Breadcrumbs trail={trail} />
      <p className="mb-3 text-sm text-gray-700">单位：{unit.name}</p>
      <ReplyErrors result={actionData?.result} />
      <DataTable caption="管理员信息" columns={columns(unit.id, canDelete)} rows={admins} rowKey={(a) => a.adminId} />
      <div className="mt-4 text-sm">
        <Link to={LIST} className="text-gray-600 hover:underline">
          返回
        </Link>
      </div>
    </div>
  );
}
