import { ProfessionalSearchInput, type ProfessionalSearchRow } from "@ce/contracts";
import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { STATS } from "../components/stats/links.ts";
import { educationText, titleSeriesText } from "../components/stats/professionals.tsx";
import { backTo, downloadLoader } from "../utils/download-refusal.server.ts";
import { openedSearch } from "../utils/id-search.server.ts";
import { parseListQuery } from "../utils/query.ts";
import { requirePage } from "../utils/session.server.ts";
import { exportFormat, exportTable } from "../utils/spreadsheet.server.ts";
import { FilterRefusal, unitIdByName } from "../utils/stats.server.ts";

const HEADER = ["序号", "姓名", "证件号", "所在单位", "学历", "专业技术职务"];

// 专业技术人员信息查询 › 导出: every professional the page's filters find in the caller's scope
// (证件号 masked as on screen), XLSX or CSV (`format=csv`); a refusal goes back to the page, by its filter.
export const loader = downloadLoader(
  ({ request }) => backTo(request, STATS.professionals, ["format"]),
  async ({ request, context }: LoaderFunctionArgs) => {
    const { api } = await requirePage(request, context, STATS.professionals);
    const search = openedSearch(request);
    const { page: _page, pageSize: _pageSize, ...filters } = parseListQuery(ProfessionalSearchInput, search);
    const authorityId = await unitIdByName(api, search.get("authority") ?? undefined, ["AUTHORITY"], "authority", "主管部门").catch((e) => {
      throw e instanceof FilterRefusal ? data({ message: e.message, field: e.field }, { status: e.status }) : e;
    });
    return exportTable(exportFormat(search), {
      fetchPage: (page, pageSize) => api.reporting.statistics.professionals.query({ ...filters, authorityId, page, pageSize }),
      name: "专业技术人员信息",
      header: HEADER,
      cells: (p: ProfessionalSearchRow, i) => [i + 1, p.name, p.idNumberMasked, p.unitName, educationText(p.education), titleSeriesText(p.titleSeries)],
    });
  },
);
