import { type TitleDistribution, titleSeriesName } from "@ce/contracts";
import { bodyCell, headerCell, ListTable } from "../DataTable.tsx";

/** The level buckets of 职称人数, in the guide's order, with their figures' keys. */
export const LEVEL_COLUMNS = [
  { key: "junior", label: "初级" },
  { key: "intermediate", label: "中级" },
  { key: "senior", label: "高级" },
  { key: "none", label: "无" },
] as const;

/**
 * 职称系列分布情况 as the guide draws it: 专业技术职务, then 职称人数 over 初级 中级 高级 无, then 人数;
 * one row per title series (zeros included, contracts' order) and the 合计 row.
 */
export function TitleSeriesTable({ distribution }: { distribution: TitleDistribution }) {
  return (
    <ListTable
      caption="职称系列分布情况"
      headers={LEVEL_COLUMNS.map((c) => c.label)}
      groupRow={
        <tr>
          <th scope="col" rowSpan={2} className={headerCell}>
            专业技术职务
          </th>
          <th scope="colgroup" colSpan={4} className={headerCell}>
            职称人数
          </th>
          <th scope="col" rowSpan={2} className={headerCell}>
            人数
          </th>
        </tr>
      }
    >
      {distribution.rows.map((row) => (
        <tr key={row.titleSeries} className="odd:bg-white even:bg-gray-50">
          <th scope="row" className={`${bodyCell} text-left font-normal`}>
            {titleSeriesName(row.titleSeries)}
          </th>
          {LEVEL_COLUMNS.map((c) => (
            <td key={c.key} className={`${bodyCell} text-right`}>
              {row[c.key]}
            </td>
          ))}
          <td className={`${bodyCell} text-right`}>{row.total}</td>
        </tr>
      ))}
      <tr className="bg-blue-50/60 font-semibold">
        <th scope="row" className={`${bodyCell} text-left`}>
          合计
        </th>
        {LEVEL_COLUMNS.map((c) => (
          <td key={c.key} className={`${bodyCell} text-right`}>
            {distribution.totals[c.key]}
          </td>
        ))}
        <td className={`${bodyCell} text-right`}>{distribution.totals.total}</td>
      </tr>
    </ListTable>
  );
}
