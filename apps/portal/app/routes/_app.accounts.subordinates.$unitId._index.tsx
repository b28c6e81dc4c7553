import {
  CREDIT_CODE_MISMATCH_CONFIRMED_LABEL,
  codeText,
  formatDateTime,
  industryName,
  regionName,
  registrationStatusLabels,
  SubordinateTarget,
  trainingLevelLabels,
  unitKindLabels,
  unitNatureLabels,
} from "@ce/contracts";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { Breadcrumbs } from "../components/Breadcrumbs.tsx";
import { FactList } from "../components/FactList.tsx";
import { ReplyErrors } from "../components/forms.tsx";
import { RowAction } from "../components/RowAction.tsx";
import { TextLink } from "../components/TextLink.tsx";
import { redirectWithFlash } from "../utils/flash.server.ts";
import { formAction } from "../utils/form-action.server.ts";
import { requirePage, rethrowServiceError } from "../utils/session.server.ts";
import { ShownName } from "../utils/validation.ts";

const LIST = "/accounts/subordinates";

// 管理下级单位 › 详细: every field of the unit; 删除 for admins with 管理下级单位（删除、管理员）.
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { me, api, here } = await requirePage(request, context, LIST);
  const unit = await api.identity.units.detail.query({ unitId: params.unitId ?? "" }).catch((e) => rethrowServiceError(request, e));
  return { trail: [here.section.label, here.page.label, "详细"], unit, canDelete: me.permissions.includes("subordinate.manage") };
}

/** 删除单位: the unit, named for the flash. */
const DeleteUnitForm = SubordinateTarget.extend({ name: ShownName });

// Deleted: back to 管理下级单位 with the flash.
export async function action({ request, context }: ActionFunctionArgs) {
  const { api } = await requirePage(request, context, LIST);
  return formAction(request, DeleteUnitForm, {}, async ({ unitId, name }) => {
    await api.identity.units.delete.mutate({ unitId });
    return redirectWithFlash(LIST, `已删除${name}`);
  });
}

export default function SubordinateDetailPage() {
  const { trail, unit, canDelete } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const fields: [string, string][] = [
    ["单位名称", unit.name],
    ["单位类型", unitKindLabels[unit.kind]],
    ["单位性质", unitNatureLabels[unit.nature]],
    ["所属行业", codeText(industryName, unit.industry)],
    ["所在地区", codeText(regionName, unit.region)],
    ["机构代码/统一社会信用代码", unit.code ? (unit.codeCheckMismatch ? `${unit.code}（${CREDIT_CODE_MISMATCH_CONFIRMED_LABEL}）` : unit.code) : ""],
    ["上级部门", unit.superiorName ?? ""],
    ["施教级别", unit.trainingLevel ? trainingLevelLabels[unit.trainingLevel] : ""],
    ["状态", registrationStatusLabels[unit.status]],
    ["管理员人数", String(unit.adminCount)],
    ["专业技术人员人数", String(unit.professionalCount)],
    ["注册时间", formatDateTime(unit.createdAt)],
  ];
  return (
    <div>
      <Breadcrumbs trail={trail} />
      <ReplyErrors result={actionData?.result} />
      <div className="mb-4">
        <FactList facts={fields} look="wide" />
      </div>
      <div className="flex items-center gap-4 text-sm">
        <TextLink to={`${LIST}/${unit.id}/admins`}>管理员信息</TextLink>
        {canDelete ? (
          <RowAction intent="delete" values={{ unitId: unit.id, name: unit.name }} label="删除单位" confirm={`确定删除${unit.name}吗？`} button />
        ) : null}
        <Link to={LIST} className="text-gray-600 hover:underline">
          返回
        </Link>
      </div>
    </div>
  );
}
