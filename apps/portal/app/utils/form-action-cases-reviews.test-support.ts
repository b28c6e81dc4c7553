// The form-action cases of 审核账户 (人员调转, 审核机构信息修改): see form-action-cases.test-support.ts.
import { type Case, ids } from "./form-action-fixtures.test-support.ts";

export const reviewCases: Case[] = [
  {
    route: "_app.reviews.transfers._index.tsx",
    what: "提交转出申请",
    url: "/reviews/transfers?index&tab=out&accountId=x",
    fields: { intent: "create", accountId: ids.a, contactPhone: "0531-88888888", toUnitId: ids.b, reason: "工作调动" },
    file: "attachment",
    calls: "identity:transfers.create",
    to: "/reviews/transfers?tab=out",
  },
  {
    route: "_app.reviews.transfers._index.tsx",
    what: "拒绝",
    url: "/reviews/transfers?index&tab=in",
    fields: { intent: "reject", id: ids.c, reason: "人员信息不符" },
    calls: "identity:transfers.decide",
    to: "/reviews/transfers?tab=in",
  },
  {
    route: "_app.reviews.transfers.$id.tsx",
    what: "确认调转 (详情)",
    url: `/reviews/transfers/${ids.c}`,
    fields: { intent: "accept", id: ids.c },
    calls: "identity:transfers.decide",
    to: `/reviews/transfers/${ids.c}`,
  },
  {
    route: "_app.reviews.unit-changes.tsx",
    what: "通过",
    url: "/reviews/unit-changes?tab=PENDING",
    fields: { ids: [ids.a, ids.b], decision: "APPROVE" },
    answers: {
      "identity:unitChanges.decide": {
        decided: [
          { id: ids.a, label: "甲单位的申请" },
          { id: ids.b, label: "乙单位的申请" },
        ],
        skipped: [],
        applied: 1,
      },
    },
    calls: "identity:unitChanges.decide",
    to: "/reviews/unit-changes?tab=PENDING",
  },
];
