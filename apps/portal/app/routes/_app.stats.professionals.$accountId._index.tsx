import { activationLabel, codeText, formatDateTime, regionName, registrationStatusLabels, titleLevelName } from "@ce/contracts";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Breadcrumbs } from "../components/Breadcrumbs.tsx";
import { FactList } from "../components/FactList.tsx";
import { learningHref, STATS } from "../components/stats/links.ts";
import { educationText, titleSeriesText } from "../components/stats/professionals.tsx";
import { TextLink } from "../components/TextLink.tsx";
import { requirePage, rethrowServiceError } from "../utils/session.server.ts";

// 专业技术人员信息查询 › 详细: one professional of the caller's subtree as reporting holds them now
// (证件号 masked; reporting keeps no phone or mail).
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { api, here } = await requirePage(request, context, STATS.professionals);
  const person = await api.reporting.statistics.professional.query({ accountId: params.accountId ?? "" }).catch((e) => rethrowServiceError(request, e));
  return { trail: [here.section.label, here.page.label, "详细"], person };
}

export default function ProfessionalDetailPage() {
  const { trail, person } = useLoaderData<typeof loader>();
  const fields: [string, string][] = [
    ["姓名", person.name],
    ["证件号", person.idNumberMasked],
    ["所在单位", person.unitName],
    ["地区", codeText(regionName, person.unitRegion)],
    ["状态", registrationStatusLabels[person.status]],
    // 未激活: imported (批量导入), not signed in yet; the first sign-in after 重置密码 activates.
    ["账户状态", activationLabel(person.activated)],
    ["学历", educationText(person.education)],
    ["专业技术职务", titleSeriesText(person.titleSeries)],
    ["职称级别", codeText(titleLevelName, person.titleLevel)],
    ["现专业技术职称资格", person.qualification ?? ""],
    ["所学专业", person.major ?? ""],
    ["证书管理号", person.certificateNo ?? ""],
    ["注册时间", formatDateTime(person.registeredAt)],
  ];
  return (
    <div>
      <Breadcrumbs trail={trail} />
      <FactList facts={fields} look="wide" />
      <p className="mt-4 space-x-4 text-sm">
        <TextLink to={learningHref(person.accountId)}>学习记录</TextLink>
        <TextLink to={STATS.professionals}>返回</TextLink>
      </p>
    </div>
  );
}
