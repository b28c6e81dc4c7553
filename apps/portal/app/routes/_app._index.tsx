import { userTypeLabels } from "@ce/contracts";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Breadcrumbs } from "../components/Breadcrumbs.tsx";
import { FactList } from "../components/FactList.tsx";
import { ComplianceSummary } from "../components/hours/ComplianceSummary.tsx";
import { TextLink } from "../components/TextLink.tsx";
import { visibleMenu } from "../utils/menu.ts";
import { type PendingWork, pendingWork } from "../utils/pending-work.server.ts";
import { requireUser } from "../utils/session.server.ts";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { me, api } = await requireUser(request, context);
  // 个人: their yearly compliance; the home page still opens if the hours service does not answer.
  const professional = me.userType === "PROFESSIONAL";
  const [compliance, pending] = await Promise.all([
    professional ? api.hours.compliance.mine.query({}).catch(() => null) : undefined,
    professional ? [] : pendingWork(api, me),
  ]);
  return { me, compliance, pending };
}

/** 待办事项: each queue with records waiting (or whose count could not be read), linking to its page; 暂无待办事项 when none. */
function PendingList({ pending }: { pending: PendingWork[] }) {
  const waiting = pending.filter((p) => p.count !== 0);
  return (
    <section aria-labelledby="pending-heading" className="mt-8">
      <h2 id="pending-heading" className="border-b border-gray-200 pb-2 text-base font-semibold text-gray-900">
        待办事项
      </h2>
      {waiting.length === 0 ? (
        <p className="mt-3 text-sm text-gray-600">暂无待办事项。</p>
      ) : (
        <ul className="mt-3 space-y-1 text-sm">
          {waiting.map((p) => (
            <li key={p.path}>
              {/* The whole line is the link: a link set in running text would need more than its colour to stand out. */}
              <TextLink to={p.path}>{p.count === null ? `${p.label}：暂时无法获取数量` : `${p.label}：${p.count}条待处理`}</TextLink>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export default function HomePage() {
  const { me, compliance, pending } = useLoaderData<typeof loader>();
  const sections = visibleMenu(me);
  return (
    <div>
      <Breadcrumbs trail={["首页"]} />
      <h1 className="text-xl font-semibold text-gray-900">{`欢迎您，${me.name}`}</h1>
      <div className="mt-4">
        <FactList
          look="plain"
          facts={[
            ["用户类型", userTypeLabels[me.userType]],
            ...(me.unitName ? [["所在单位", me.unitName] as const] : []),
            ...(me.isSuperAdmin ? [["账户角色", "超级管理员"] as const] : []),
          ]}
        />
      </div>
      {compliance !== undefined ? <ComplianceSummary years={compliance} /> : null}
      {pending.length > 0 ? <PendingList pending={pending} /> : null}

      <h2 className="mt-8 border-b border-gray-200 pb-2 text-base font-semibold text-gray-900">您可以使用的功能</h2>
      {sections.length === 0 ? (
        <p className="mt-3 text-sm text-gray-600">您的账户暂未分配任何功能，请联系本单位管理员。</p>
      ) : (
        <div className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {sections.map((section) => (
            <section key={section.label} className="rounded border border-gray-200 p-4">
              <h3 className="text-sm font-semibold text-blue-900">{section.label}</h3>
              <ul className="mt-2 space-y-1 text-sm">
                {section.pages.map((page) => (
                  <li key={page.path}>
                    <TextLink to={page.path}>{page.label}</TextLink>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}
      <p className="mt-6 text-sm text-gray-600">
        <TextLink to="/account/password">修改密码</TextLink>
      </p>
    </div>
  );
}
