import type { DeclarationDetail } from "@ce/contracts";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { DeclarationDetails } from "./DeclarationDetails.tsx";

const detail = (decidedAt: string): DeclarationDetail => ({
  id: "00000000-0000-4000-8000-000000000001",
  professionalName: "王师傅",
  flags: [],
  declaredByUnitName: "济南交通职业培训基地",
  year: 2026,
  subject: "PROFESSIONAL",
  formName: "岗位培训",
  requestedHours: 8,
  computedHours: 8,
  recognizedHours: 8,
  currentHandlerName: null,
  status: "APPROVED",
  professionalId: "00000000-0000-4000-8000-000000000002",
  unitId: "00000000-0000-4000-8000-000000000003",
  formCode: "JOB_TRAINING",
  formVersion: 1,
  schoolName: "培训中心",
  className: "新年第一课",
  content: null,
  startDate: "2026-01-01",
  endDate: "2026-01-01",
  score: "合格",
  details: {},
  explanation: "按实际学时计算：8学时",
  chain: [],
  attachments: [],
  history: [{ kind: "APPROVAL", unitName: "济南市交通运输局", actorName: "张审批", decision: "APPROVED", recognizedHours: 8, reason: null, decidedAt }],
  createdAt: "2025-12-31T16:00:00.000Z",
});

describe("审批记录 shows Beijing time, whatever the server's zone", () => {
  it.each([
    ["2025-12-31T16:05:00.000Z", "2026-01-01 00:05:00"],
    ["2025-12-31T15:59:59.000Z", "2025-12-31 23:59:59"],
    ["2026-06-30T04:30:15.000Z", "2026-06-30 12:30:15"],
  ])("an approval at %s reads %s", (decidedAt, shown) => {
    const html = renderToStaticMarkup(<DeclarationDetails d={detail(decidedAt)} />);
    expect(html).toContain(`>${shown}<`);
    expect(html).toContain(">2026-01-01 至 2026-01-01<");
  });
});

describe("申报单位 says who declared for the person", () => {
  it("names the unit that declared (代为申报), or 本人申报", () => {
    expect(renderToStaticMarkup(<DeclarationDetails d={detail("2026-01-02T00:00:00.000Z")} />)).toContain(">济南交通职业培训基地<");
    expect(renderToStaticMarkup(<DeclarationDetails d={{ ...detail("2026-01-02T00:00:00.000Z"), declaredByUnitName: null }} />)).toContain(">本人申报<");
  });
});
