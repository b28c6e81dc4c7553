// The form-action cases of 学时申报, 学习形式管理 and 查看申报记录: see form-action-cases.test-support.ts.
import { type Case, ids, professional, trainingBase } from "./form-action-fixtures.test-support.ts";

const conference = { kind: "RANK", ranks: [{ code: "PROVINCE", label: "省级学术会议", hours: 8, paperBonus: 2 }], capPerYear: null };

/** One 岗位培训 claim of 40 专业 学时 in 2026, as 学时申报 posts it for one person or for a CE base's class. */
const trainingClaim = {
  year: "2026",
  formCode: "TRAINING",
  className: "岗位培训班",
  startDate: "2026-03-02",
  endDate: "2026-03-06",
  score: "合格",
  requestedHours: "40",
  subject: "PROFESSIONAL",
};

export const hoursCases: Case[] = [
  {
    route: "_app.hours.declare.tsx",
    what: "学时申报",
    url: "/hours/declare",
    as: professional,
    fields: { professionalId: ids.a, ...trainingClaim, schoolName: "山东交通学院" },
    file: "attachments",
    calls: "hours:declarations.declare",
    to: "/hours/declare",
  },
  {
    route: "_app.hours.declare.tsx",
    what: "学时申报（继续教育基地，多人）",
    url: "/hours/declare",
    as: trainingBase,
    fields: { professionalIds: [ids.a, ids.c], ...trainingClaim, schoolName: "山东交通学院继续教育基地" },
    file: "attachments",
    answers: {
      "hours:declarations.declareMany": {
        decided: [
          { id: ids.a, label: "张三" },
          { id: ids.c, label: "李四" },
        ],
        skipped: [],
      },
    },
    calls: "hours:declarations.declareMany",
    to: "/hours/declare",
  },
  {
    route: "_app.hours.forms.$code.tsx",
    what: "编辑学习形式",
    url: "/hours/forms/CONFERENCE",
    params: { code: "CONFERENCE" },
    fields: { hint: "提交会议通知", subjects: ["PROFESSIONAL"], effectiveFrom: "2099-01-01", "ranks[0].hours": "9" },
    answers: {
      "hours:forms.get": { code: "CONFERENCE", name: "学术会议", fields: [], rule: conference },
      "hours:forms.update": { code: "CONFERENCE", name: "学术会议", version: 3, effectiveFrom: "2099-01-01" },
    },
    calls: "hours:forms.update",
    to: "/hours/forms",
  },
  {
    route: "_app.hours.records.$declarationId.tsx",
    what: "撤回申报",
    url: `/hours/records/${ids.c}`,
    as: professional,
    params: { declarationId: ids.c },
    fields: { intent: "withdraw", declarationId: ids.c },
    calls: "hours:declarations.withdraw",
    to: `/hours/records/${ids.c}`,
  },
  {
    route: "_app.hours.proofs._index.tsx",
    what: "开具学时证明",
    url: "/hours/proofs",
    as: professional,
    fields: { year: "2026" },
    answers: { "reporting:proofs.issue": { proofId: ids.c, year: 2026, proofNo: "XSZM202600000001" } },
    calls: "reporting:proofs.issue",
    to: `/hours/proofs/${ids.c}`,
  },
];
