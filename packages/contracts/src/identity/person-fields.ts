import { z } from "zod";
import { IdType } from "../domain-codes.ts";

/**
 * A professional's 学历 and 职称 as every view and event carries them: 学历, 专业技术职务 (series
 * and level, codes of codes/title-series.ts), 现专业技术职称资格, 从事专业, 证书管理号 — null when
 * not given. Spread into an object schema.
 */
export const ProfessionalProfileFields = {
  education: z.string().nullable(),
  titleSeries: z.string().nullable(),
  titleLevel: z.string().nullable(),
  qualification: z.string().nullable(),
  major: z.string().nullable(),
  certificateNo: z.string().nullable(),
};

/** The values of ProfessionalProfileFields: codes, or null where the guide lets them be empty. */
export type ProfessionalProfile = { [K in keyof typeof ProfessionalProfileFields]: string | null };

/** Just the profile fields of a row, form, snapshot or demo person (its other fields left behind). */
export function profileOf(source: ProfessionalProfile): ProfessionalProfile {
  return {
    education: source.education,
    titleSeries: source.titleSeries,
    titleLevel: source.titleLevel,
    qualification: source.qualification,
    major: source.major,
    certificateNo: source.certificateNo,
  };
}

/** Who a masked view shows: the account, 姓名 and the masked 证件号 (never the number). Spread into an object schema. */
export const MaskedPersonFields = {
  accountId: z.uuid(),
  name: z.string(),
  idNumberMasked: z.string(),
};

/**
 * MaskedPersonFields and the unit the person is in (`unitId`, `unitName`), as the 查询统计 rows of a
 * person show them. Spread into an object schema.
 */
export const MaskedPersonInUnitFields = {
  ...MaskedPersonFields,
  unitId: z.uuid(),
  unitName: z.string(),
};

/**
 * 申请人 as a reviewer sees them before deciding (审核用人单位's future 超级管理员, 审核注册人员,
 * 审核人员信息修改): MaskedPersonFields, 证件类型, 手机 masked as stored at registration (never the
 * number), 电子邮箱 (null where not given). Spread into an object schema.
 */
export const MaskedApplicantFields = {
  ...MaskedPersonFields,
  idType: IdType,
  phoneMasked: z.string().nullable(),
  email: z.string().nullable(),
};

/** MaskedApplicantFields as an object: the person a review page shows before 通过 / 驳回. */
export const MaskedApplicant = z.object(MaskedApplicantFields);
export type MaskedApplicant = z.infer<typeof MaskedApplicant>;
