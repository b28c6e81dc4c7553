import { z } from "zod";
import { EducationCode } from "../codes/education.ts";
import { RegionCode } from "../codes/regions.ts";
import { TitleSeriesCode } from "../codes/title-series.ts";
import { ProfessionalStatus } from "../domain-codes.ts";
import { MaskedPersonInUnitFields, ProfessionalProfileFields } from "../identity/person-fields.ts";
import { PageRequest, pageOf } from "../paging.ts";
import { SearchText } from "../text.ts";
import { identifierField } from "../validation/identifier.ts";

/**
 * 专业技术人员信息查询 (guide §3.9): the registered (审核通过) professionals of the caller's subtree
 * as they are now, filtered by every field given (all must hold). 所在人社 (`hrBureau`) is not a
 * filter: no service stores it yet.
 */
export const ProfessionalSearchInput = PageRequest.extend({
  /** 地区: the person's unit lies in this region (a province or city code takes everything under it). */
  region: RegionCode.optional(),
  /** 主管部门: a unit of the caller's subtree; its whole subtree is searched (outside the scope: NOT_FOUND). */
  authorityId: z.uuid({ error: "主管部门无效" }).optional(),
  /** 姓名: contains, case-insensitive. */
  name: SearchText("姓名"),
  /** 证件号: the whole number, exact (compared by blind index; never stored or logged by reporting). */
  idNumber: identifierField("证件号", 32).optional(),
  /** 证书管理号: exact. */
  certificateNo: SearchText("证书管理号"),
  /** 学历 */
  education: EducationCode.optional(),
  /** 专业技术职务: the title series. */
  titleSeries: TitleSeriesCode.optional(),
  /** 现专业技术职称资格: contains. */
  qualification: SearchText("现专业技术职称资格"),
});
export type ProfessionalSearchInput = z.infer<typeof ProfessionalSearchInput>;

/** One row: 姓名 证件号 (masked) 所在单位 学历 专业技术职务 (codes; the portal prints their names). */
export const ProfessionalSearchRow = z.object({
  ...MaskedPersonInUnitFields,
  education: z.string().nullable(),
  titleSeries: z.string().nullable(),
  titleLevel: z.string().nullable(),
  /** False: imported and not signed in yet (未激活, shown beside the name). */
  activated: z.boolean(),
});
export type ProfessionalSearchRow = z.infer<typeof ProfessionalSearchRow>;

export const ProfessionalSearch = pageOf(ProfessionalSearchRow);
export type ProfessionalSearch = z.infer<typeof ProfessionalSearch>;

/** 详细 / 学习记录 of one professional of the caller's subtree. */
export const ProfessionalIdInput = z.object({ accountId: z.uuid({ error: "人员编号无效" }) });
export type ProfessionalIdInput = z.infer<typeof ProfessionalIdInput>;

/** 详细: the professional as reporting holds them now, ID number masked (no phone: reporting keeps none). */
export const ProfessionalDetail = z.object({
  ...MaskedPersonInUnitFields,
  /** 地区 of the unit (GB/T 2260), when known. */
  unitRegion: z.string().nullable(),
  status: ProfessionalStatus,
  ...ProfessionalProfileFields,
  registeredAt: z.iso.datetime(),
  /** False: imported and not signed in yet (未激活). */
  activated: z.boolean(),
});
export type ProfessionalDetail = z.infer<typeof ProfessionalDetail>;
