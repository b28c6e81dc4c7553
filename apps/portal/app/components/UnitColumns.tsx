import { codeText, industryName, type UnitRow } from "@ce/contracts";
import type { Column } from "./DataTable.tsx";
import { TextLink } from "./TextLink.tsx";

/** Where a unit's 管理员信息 and details live, for 管理下级单位 and 管理继续教育基地 alike. */
const UNIT_PAGES = "/accounts/subordinates";

/** 所属行业 of a unit row: the industry's name (its code when the list no longer has it). */
export const industryColumn: Column<UnitRow> = { header: "所属行业", cell: (u) => codeText(industryName, u.industry) };

/** 操作 of a unit list: 管理员信息 and the unit's page, labelled as the guide's list says (详细 / 详情). */
export function unitActionsColumn(detailLabel: "详细" | "详情"): Column<UnitRow> {
  return {
    header: "操作",
    className: "whitespace-nowrap text-center",
    cell: (u) => (
      <span className="space-x-3">
        <TextLink to={`${UNIT_PAGES}/${u.id}/admins`}>管理员信息</TextLink>
        <TextLink to={`${UNIT_PAGES}/${u.id}`}>{detailLabel}</TextLink>
      </span>
    ),
  };
}
