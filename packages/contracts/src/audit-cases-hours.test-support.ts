// 操作日志 cases of the entries hours writes (学时审批, 学时审验, 代为申报, 学习形式管理); joined in
// audit-cases.test-support.ts.
import type { AuditAction } from "./audit.ts";
import type { AuditCase } from "./audit-cases.test-support.ts";

const rule = { kind: "PER_DAY", hoursPerDay: 8, capPerItem: null, capPerYear: 90 };

export const hoursAuditCases = {
  "declaration.approve": {
    entityType: "declaration",
    before: { name: "李四", form: "培训", status: "PENDING", recognizedHours: null, handler: "历城公交" },
    after: { name: "李四", form: "培训", status: "PENDING", recognizedHours: 8, handler: "济南市人社局", reason: null },
    shows: {
      object: "学时申报 · 李四",
      changes: [
        ["认定学时", "—", "8"],
        ["当前审核单位", "历城公交", "济南市人社局"],
      ],
    },
  },
  "declaration.reject": {
    entityType: "declaration",
    before: { name: "李四", form: "培训", status: "PENDING", recognizedHours: null, handler: "历城公交" },
    after: { name: "李四", form: "培训", status: "REJECTED", recognizedHours: null, handler: null, reason: "缺少证明：请补充" },
    shows: {
      object: "学时申报 · 李四",
      changes: [
        ["当前审核单位", "历城公交", "—"],
        ["状态", "待审核", "审核不通过"],
        ["原因", "—", "缺少证明：请补充"],
      ],
    },
  },
  "declaration.auditPass": {
    entityType: "declaration",
    before: { name: "李四", form: "培训", status: "APPROVED" },
    after: { name: "李四", form: "培训", status: "FILED", reason: null },
    shows: { object: "学时申报 · 李四", changes: [["状态", "审核通过", "已备案"]] },
  },
  "declaration.auditFail": {
    entityType: "declaration",
    before: { name: "李四", form: "培训", status: "APPROVED" },
    after: { name: "李四", form: "培训", status: "VOIDED", reason: "证书不符" },
    shows: {
      object: "学时申报 · 李四",
      changes: [
        ["状态", "审核通过", "已作废"],
        ["原因", "—", "证书不符"],
      ],
    },
  },
  "declaration.declareFor": {
    entityType: "declaration",
    after: { name: "李四", form: "培训", year: 2026, subject: "PROFESSIONAL", requestedHours: 16, status: "PENDING", trainer: "山东交通学院继续教育基地" },
    shows: {
      object: "学时申报 · 李四",
      changes: [
        ["申报人", "—", "李四"],
        ["学习形式", "—", "培训"],
        ["计入年度", "—", "2026"],
        ["计入科目", "—", "专业科目"],
        ["申报学时", "—", "16"],
        ["申报单位", "—", "山东交通学院继续教育基地"],
        ["状态", "—", "待审核"],
      ],
    },
  },
  "learningForm.update": {
    entityType: "learningForm",
    before: { name: "培训", effectiveFrom: "2026-01-01", hint: "", subjects: ["GENERAL"], rule },
    after: { name: "培训", effectiveFrom: "2026-07-01", hint: "", subjects: ["GENERAL", "PROFESSIONAL"], rule: { ...rule, hoursPerDay: 6 } },
    shows: {
      object: "学习形式 · 培训",
      changes: [
        ["生效日期", "2026-01-01", "2026-07-01"],
        ["计入科目", "公需科目", "公需科目、专业科目"],
        ["计算规则", "按天计算，每天8学时（半天4学时），每年最多90学时", "按天计算，每天6学时（半天3学时），每年最多90学时"],
      ],
    },
  },
} satisfies Partial<Record<AuditAction, AuditCase>>;
