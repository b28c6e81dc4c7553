import { PageRequest } from "@ce/contracts";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { Breadcrumbs } from "../components/Breadcrumbs.tsx";
import { ReplyErrors } from "../components/forms.tsx";
import { DownloadRefusal } from "../components/Notice.tsx";
import { Pager } from "../components/Pager.tsx";
import { TransferOutForm } from "../components/TransferOutForm.tsx";
import { IncomingTransfers, TransferRecords } from "../components/TransferTables.tsx";
import { pageWithRefusal } from "../utils/download-refusal.server.ts";
import { pageNumberOf, parseListQuery } from "../utils/query.ts";
import { loaderHeaders } from "../utils/route-headers.ts";
import { requirePage, rethrowServiceError } from "../utils/session.server.ts";
import { transferAction } from "../utils/transfers.server.ts";

const PATH = "/reviews/transfers";
const TABS = [
  { key: "in", label: "人员调入" },
  { key: "out", label: "人员调出" },
  { key: "records", label: "调转记录" },
] as const;
type Tab = (typeof TABS)[number]["key"];

/** The loader's headers (a refused download's one-time cookie cleared) reach the document answer too. */
export const headers = loaderHeaders;

// 审核账户 › 人员调转: tabs 人员调入 / 人员调出 / 调转记录; a refused 附件 opened by itself comes back here with its message.
export async function loader(args: LoaderFunctionArgs) {
  return pageWithRefusal(args.request, await loadTab(args));
}

async function loadTab({ request, context }: LoaderFunctionArgs) {
  const { api, me, here } = await requirePage(request, context, PATH);
  const url = new URL(request.url);
  const tab: Tab = (TABS.find((t) => t.key === url.searchParams.get("tab"))?.key ?? "in") as Tab;
  const { page } = parseListQuery(PageRequest, url.searchParams);
  const trail = [here.section.label, here.page.label];
  const fail = (e: unknown) => rethrowServiceError(request, e);
  if (tab === "in") return { tab, trail, incoming: await api.identity.transfers.list.query({ direction: "in", status: "PENDING", page }).catch(fail) };
  if (tab === "records") {
    // Two tables, each paged on its own (inPage / outPage), like every list: nothing past a cap left unsaid.
    const [into, out] = await Promise.all([
      api.identity.transfers.list.query({ direction: "in", page: pageNumberOf(url.searchParams, "inPage") }).catch(fail),
      api.identity.transfers.list.query({ direction: "out", page: pageNumberOf(url.searchParams, "outPage") }).catch(fail),
    ]);
    return { tab, trail, into, out };
  }
  // 添加人员 is the one picker (components/Picker.tsx); the person it chose comes back as ?accountId=.
  const accountId = url.searchParams.get("accountId");
  const [picked, employers] = await Promise.all([
    accountId && /^[0-9a-f-]{36}$/i.test(accountId)
      ? api.identity.transfers.candidates.query({ accountId, pageSize: 1 }).catch(fail)
      : Promise.resolve({ items: [] }),
    api.identity.registration.searchUnits.query({ kinds: ["EMPLOYER"] }).catch(() => []),
  ]);
  const selected = picked.items[0] ?? null;
  // Neither the admin's own unit nor the person's current unit is a choice for 调入单位 (identity refuses them too).
  const excluded = [me.unitId, selected?.unitId].filter((id): id is string => Boolean(id));
  return {
    tab,
    trail,
    outForm: { selected, employers: employers.filter((u) => !excluded.includes(u.id)), excluded },
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { api } = await requirePage(request, context, PATH);
  return transferAction(request, api);
}

export default function TransfersPage() {
  const loaded = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { search } = useLocation();
  return (
    <div>
      <Breadcrumbs trail={loaded.trail} />
      <nav aria-label="人员调转" className="mb-4 flex gap-1 border-b border-gray-200 text-sm">
        {TABS.map((t) => (
          <Link
            key={t.key}
            to={`${PATH}?tab=${t.key}`}
            aria-current={loaded.tab === t.key ? "page" : undefined}
            className={`rounded-t px-4 py-2 ${loaded.tab === t.key ? "bg-blue-700 text-white" : "text-blue-800 hover:bg-blue-50"}`}
          >
            {t.label}
          </Link>
        ))}
      </nav>
      <DownloadRefusal refused={loaded.refused} />
      <ReplyErrors result={reply?.intent === "create" ? null : reply?.result} />
      {"incoming" in loaded && loaded.incoming ? (
        <>
          <IncomingTransfers page={loaded.incoming} />
          <Pager page={loaded.incoming.page} pageSize={loaded.incoming.pageSize} total={loaded.incoming.total} query={search} />
        </>
      ) : null}
      {"into" in loaded && loaded.into ? (
        <div className="space-y-6">
          <section>
            <h3 className="mb-2 font-semibold text-blue-900">人员转入记录</h3>
            <TransferRecords page={loaded.into} direction="in" />
            <Pager page={loaded.into.page} pageSize={loaded.into.pageSize} total={loaded.into.total} query={search} param="inPage" label="人员转入记录分页" />
          </section>
          <section>
            <h3 className="mb-2 font-semibold text-blue-900">人员转出记录</h3>
            <TransferRecords page={loaded.out} direction="out" />
            <Pager page={loaded.out.page} pageSize={loaded.out.pageSize} total={loaded.out.total} query={search} param="outPage" label="人员转出记录分页" />
          </section>
        </div>
      ) : null}
      {"outForm" in loaded && loaded.outForm ? (
        <TransferOutForm
          key={loaded.outForm.selected?.accountId ?? "none"}
          {...loaded.outForm}
          lastResult={reply?.intent === "create" ? reply.result : undefined}
        />
      ) : null}
    </div>
  );
}
