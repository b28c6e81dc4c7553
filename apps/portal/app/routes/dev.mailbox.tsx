import { type DevMail, formatDateTime } from "@ce/contracts";
import { isLoopback } from "@ce/service-kit/service-auth";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { type Column, DataTable } from "../components/DataTable.tsx";
import { Notice } from "../components/Notice.tsx";
import { createApi } from "../utils/api.server.ts";
import { PLATFORM_NAME } from "../utils/brand.ts";
import { env } from "../utils/env.server.ts";
import { classifyError } from "../utils/errors.server.ts";
import { rethrowServiceError } from "../utils/session.server.ts";

export const meta: MetaFunction = () => [{ title: `开发邮箱 - ${PLATFORM_NAME}` }];

type MailRow = Omit<DevMail, "sentAt"> & { sentAtText: string };

// Development only: the mails identity "sent" with its log transport (e.g. password-reset links).
// It hands out live reset links, so it exists only in development and for a browser on this
// machine; identity checks the same again (routers/dev-mailbox.ts).
export async function loader({ request, context }: LoaderFunctionArgs) {
  if (env.NODE_ENV !== "development" || !isLoopback(context?.clientIp)) throw new Response("Not Found", { status: 404 });
  try {
    const mails = await createApi(request, context, null).identity.devMailbox.list.query();
    // Formatted here so the page reads the same on the server and in the browser.
    const rows: MailRow[] = mails.map(({ sentAt, ...m }) => ({ ...m, sentAtText: formatDateTime(sentAt) }));
    return { enabled: true, rows };
  } catch (error) {
    if (classifyError(error).kind === "notFound") return { enabled: false, rows: [] as MailRow[] };
    return rethrowServiceError(request, error);
  }
}

const isWebLink = (link: string | null): link is string => link !== null && /^https?:\/\//.test(link);

const columns: Column<MailRow>[] = [
  { header: "收件人", cell: (m) => m.to },
  { header: "主题", cell: (m) => m.subject },
  { header: "时间", cell: (m) => m.sentAtText, className: "whitespace-nowrap" },
  {
    header: "链接",
    cell: (m) =>
      isWebLink(m.link) ? (
        <a href={m.link} className="break-all text-blue-700 hover:underline">
          {m.link}
        </a>
      ) : (
        ""
      ),
  },
];

export default function DevMailboxPage() {
  const { enabled, rows } = useLoaderData<typeof loader>();
  return (
    <div className="mx-auto max-w-5xl p-6">
      <h1 className="mb-4 text-xl font-semibold">开发邮箱</h1>
      {enabled ? <DataTable caption="开发邮箱" columns={columns} rows={rows} rowKey={(m) => m.id} /> : <Notice>未启用开发邮箱</Notice>}
    </div>
  );
}
