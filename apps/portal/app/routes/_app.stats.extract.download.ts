import type { LoaderFunctionArgs } from "@remix-run/node";
import { STATS } from "../components/stats/links.ts";
import { backTo, downloadLoader } from "../utils/download-refusal.server.ts";
import { requirePage } from "../utils/session.server.ts";

// 人年抽取 › 下载: reporting's /downloads/person-year-extract for this super admin (the page's
// fromYear, toYear, asOf, format), streamed through as it arrives; a refusal (a bad year, a year
// after 统计时间's, too many rows) goes back to 人年抽取 with the values as typed and the message
// next to the field it names (downloadLoader).
export const loader = downloadLoader(
  ({ request }) => backTo(request, STATS.extract),
  async ({ request, context }: LoaderFunctionArgs) => {
    const { api } = await requirePage(request, context, STATS.extract);
    const asked = new URL(request.url).searchParams;
    const query = new URLSearchParams();
    for (const name of ["fromYear", "toYear", "asOf", "format"]) {
      const v = asked.get(name);
      if (v) query.set(name, v);
    }
    return api.reportingDownload("person-year-extract", query);
  },
);
