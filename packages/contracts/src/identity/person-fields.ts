import { z } from "zod";

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

/** Who a masked view shows: the account, 姓名 and the masked 证件号 (never the number). Spread into an object schema. */
export const MaskedPersonFields = {
  accountId: z.uuid(),
  name: z.string(),
  idNumberMasked: z.string(),
};
