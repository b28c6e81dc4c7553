import { codeText, type TransferRow, titleSeriesName, transferStatusLabels } from "@ce/contracts";
import type { ReactNode } from "react";
import { ConfirmSubmit } from "./ConfirmDialog.tsx";
import { type Column, DataTable, linkColumn, numberColumn } from "./DataTable.tsx";
import { Form } from "./Form.tsx";
import { inputBase } from "./forms.tsx";
import type { PageOf } from "./PagedTable.tsx";
import { TextLink } from "./TextLink.tsx";

const PATH = "/reviews/transfers";

const base = (page: PageOf<TransferRow>, unitHeader: string, unit: (r: TransferRow) => string): Column<TransferRow>[] => [
  numberColumn(page),
  { header: "姓名", cell: (r) => r.name, className: "whitespace-nowrap" },
  { header: "证件号", cell: (r) => r.idNumberMasked, className: "font-mono" },
  { header: unitHeader, cell: unit },
  { header: "专业技术职务系列", cell: (r) => codeText(titleSeriesName, r.titleSeries) },
  { header: "从事专业", cell: (r) => r.major ?? "" },
  { header: "专业技术职务任职资格", cell: (r) => r.qualification ?? "" },
];

/** 人员转入记录 / 人员转出记录: with 处理结果 and 详情. */
export function TransferRecords({ page, direction }: { page: PageOf<TransferRow>; direction: "in" | "out" }) {
  const columns: Column<TransferRow>[] = [
    ...base(page, direction === "in" ? "原调出单位" : "调入单位", (r) => (direction === "in" ? r.fromUnitName : r.toUnitName)),
    { header: "处理结果", cell: (r) => transferStatusLabels[r.status], className: "whitespace-nowrap text-center" },
    linkColumn("详情", (r) => `${PATH}/${r.id}`),
  ];
  return <DataTable caption={direction === "in" ? "人员转入记录" : "人员转出记录"} columns={columns} rows={page.items} rowKey={(r) => r.id} />;
}

/** 人员调入: incoming transfers waiting for 确认调转 or 拒绝. */
export function IncomingTransfers({ page }: { page: PageOf<TransferRow> }) {
  const columns: Column<TransferRow>[] = [
    ...base(page, "原调出单位", (r) => r.fromUnitName),
    { header: "处理结果", cell: (r) => transferStatusLabels[r.status], className: "whitespace-nowrap text-center" },
    {
      header: "操作",
      className: "whitespace-nowrap",
      cell: (r) => (
        <DecideTransfer transfer={r}>
          <TextLink to={`${PATH}/${r.id}`}>详情</TextLink>
        </DecideTransfer>
      ),
    },
  ];
  return <DataTable caption="待转入人员" columns={columns} rows={page.items} rowKey={(r) => r.id} />;
}

/**
 * 确认调转 / 拒绝 of one incoming transfer (a 人员调入 row, and its 详情 page): posts `intent`, `id` and
 * the 拒绝原因 typed beside 拒绝 to the page it is on (transferAction: a flash after the redirect, or
 * 请填写拒绝原因); 拒绝 asks first (ConfirmSubmit) once a reason is typed. `children` follow the buttons.
 */
export function DecideTransfer({ transfer, children }: { transfer: { id: string; name: string }; children?: ReactNode }) {
  return (
    <Form method="post" className="flex items-center gap-2">
      <input type="hidden" name="id" value={transfer.id} />
      <button type="submit" name="intent" value="accept" className="text-blue-700 hover:underline">
        确认调转
      </button>
      <input name="reason" aria-label={`拒绝${transfer.name}的原因`} placeholder="拒绝原因" maxLength={200} className={`${inputBase} w-28 py-1`} />
      <ConfirmSubmit
        name="intent"
        value="reject"
        label="拒绝"
        question={(form) => (String(new FormData(form).get("reason") ?? "").trim() ? `确定拒绝${transfer.name}的调入吗？拒绝后该调转申请结束。` : null)}
        className="text-red-700 hover:underline"
      />
      {children}
    </Form>
  );
}
