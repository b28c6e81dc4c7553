// What a declaration is made of in tests: a certificate image and a valid 岗位培训 claim.
import type { DeclareInput } from "@ce/contracts";
import { busDriver } from "./world.ts";

/** The smallest valid PNG (1×1), as a certificate scan stand-in. */
export const PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

/** A valid 40-hour 岗位培训 claim of 王师傅 (济南公交) for 2026, one certificate; `over` replaces fields. */
export const jobTrainingClaim = (over: Partial<DeclareInput> = {}): DeclareInput => ({
  professionalId: busDriver.data.accountId,
  year: 2026,
  formCode: "JOB_TRAINING",
  schoolName: "济南公共交通集团培训中心",
  className: "2026年驾驶员岗位培训班",
  content: "安全驾驶与应急处置",
  startDate: "2026-03-02",
  endDate: "2026-03-06",
  score: "合格",
  requestedHours: 40,
  subject: "PROFESSIONAL",
  details: {},
  attachments: [{ name: "结业证书.png", contentBase64: PNG }],
  ...over,
});
