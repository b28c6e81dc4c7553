/**
 * A professional's 学历 and 职称 as stored and as every form, event and page carries them: 学历,
 * 职称系列, 职称级别, 现专业技术职称资格, 从事专业, 证书管理号 (codes, or null where the guide lets them be empty).
 */
export interface ProfessionalProfile {
  education: string | null;
  titleSeries: string | null;
  titleLevel: string | null;
  qualification: string | null;
  major: string | null;
  certificateNo: string | null;
}

/** Just the profile fields of a row, form or demo person (its other fields left behind). */
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
