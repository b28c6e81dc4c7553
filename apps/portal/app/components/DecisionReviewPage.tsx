import { ReviewDecisionInput } from "@ce/contracts";
import type { SubmissionResult } from "@conform-to/react";
import { useActionData, useLoaderData } from "@remix-run/react";
import { BatchReview } from "./BatchReview.tsx";
import { Breadcrumbs } from "./Breadcrumbs.tsx";
import type { Column } from "./DataTable.tsx";
import type { PageOf } from "./PagedTable.tsx";
import { Filter, SearchBar } from "./SearchBar.tsx";

/** What differs between the identity review lists: the form id, the words, the table. */
export interface DecisionReviewConfig<Row extends { name: string }> {
  id: string;
  /** The name filter: its label (姓名, 单位名称) and the longest name the contracts list input takes. */
  filter: { label: string; maxLength: number };
  /**
   * The buttons (a leading 批量 is dropped from the reject button's word in the reason's placeholder:
   * 批量不通过 → 不通过时必填) and the table's caption.
   */
  labels: { approve: string; reject: string; caption: string };
  rowKey: (row: Row) => string;
  columns: readonly Column<Row>[];
}

/** What utils/decision-review.server.ts decisionReviewLoader returns. */
interface LoaderData<Row> {
  trail: readonly string[];
  filters: { name: string };
  result: PageOf<Row>;
  /** When the rows were read (ReviewDecisionInput.seenAt). */
  seenAt: string;
}

/**
 * The page of an identity review list (审核用人单位, 审核注册人员, 审核人员信息修改), what the route's
 * default export renders: the trail, the name filter and the numbered BatchReview over ReviewDecisionInput with a 原因 box; a row's tick
 * box is announced by its name. Reads the route's loader (decisionReviewLoader) and action
 * (decisionReviewAction) data.
 */
export function DecisionReviewPage<Row extends { name: string }>({ config }: { config: DecisionReviewConfig<Row> }) {
  const { id, filter, labels, rowKey, columns } = config;
  const data = useLoaderData() as unknown as LoaderData<Row>;
  const reply = useActionData() as { result?: SubmissionResult<string[]> } | undefined;
  return (
    <div>
      <Breadcrumbs trail={data.trail} />
      <SearchBar>
        <Filter label={filter.label} name="name" value={data.filters.name} maxLength={filter.maxLength} width="w-56" />
      </SearchBar>
      <BatchReview
        id={id}
        schema={ReviewDecisionInput}
        lastResult={reply?.result}
        approveLabel={labels.approve}
        rejectLabel={labels.reject}
        reason={{ label: "原因", placeholder: `${labels.reject.replace(/^批量/, "")}时必填` }}
        caption={labels.caption}
        columns={columns}
        result={data.result}
        rowKey={rowKey}
        rowLabel={(row) => row.name}
        numbered
        hidden={{ seenAt: data.seenAt }}
      />
    </div>
  );
}
