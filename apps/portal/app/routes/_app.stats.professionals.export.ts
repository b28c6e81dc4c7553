import { ProfessionalSearchInput, type ProfessionalSearchRow } from "@ce/contracts";
import { STATS } from "../components/stats/links.ts";
import { educationText, titleSeriesText } from "../components/stats/professionals.tsx";
import { listExportLoader } from "../utils/list-export.server.ts";
import { unitIdByName } from "../utils/stats.server.ts";

const HEADER = ["序号", "姓名", "证件号", "所在单位", "学历", "专业技术职务"];

// 专业技术人员信息查询 › 导出: every professional the page's filters find in the caller's scope
// (证件号 masked as on screen), XLSX or CSV (`format=csv`); a refusal goes back to the page, by its filter.
export const loader = listExportLoader({
  page: STATS.professionals,
  schema: ProfessionalSearchInput,
  table: async ({ api, input, search }) => {
    const authorityId = await unitIdByName(api, "authority", search.get("authority"));
    return {
      fetchPage: (page, pageSize) => api.reporting.statistics.professionals.query({ ...input, authorityId, page, pageSize }),
      name: "专业技术人员信息",
      header: HEADER,
      cells: (p: ProfessionalSearchRow, i) => [i + 1, p.name, p.idNumberMasked, p.unitName, educationText(p.education), titleSeriesText(p.titleSeries)],
    };
  },
});
