import { codeText, educationName, idTypeLabels, type MaskedApplicant, titleLevelName, titleSeriesName } from "@ce/contracts";

/** The clear 证件号 and 手机 a holder of pii.unmask asked for (显示完整信息), replacing the masked ones. */
export interface RevealedNumbers {
  idNumber?: string | null | undefined;
  phone?: string | null | undefined;
}

/**
 * The applicant's rows of a review page's 详细 (审核用人单位's future 超级管理员, 审核注册人员, 审核人员信息修改)
 * and of the professional's own 个人信息,
 * the same five everywhere: 姓名, 证件类型, 证件号 and 手机号 masked as identity stored them (or the
 * clear ones `revealed`), 电子邮箱 — for FactList.
 */
export function applicantFacts(person: MaskedApplicant, revealed?: RevealedNumbers | null): [string, string][] {
  return [
    ["姓名", person.name],
    ["证件类型", idTypeLabels[person.idType]],
    ["证件号", revealed?.idNumber ?? person.idNumberMasked],
    ["手机号", revealed ? (revealed.phone ?? "") : (person.phoneMasked ?? "")],
    ["电子邮箱", person.email ?? ""],
  ];
}

/** What a professional's 职业 rows read from: their unit and department names, and the profile's codes and text. */
export interface ProfessionalProfile {
  unitName: string;
  departmentName: string | null;
  education: string | null;
  titleSeries: string | null;
  qualification: string | null;
  titleLevel: string | null;
  major: string | null;
  certificateNo: string | null;
}

/**
 * A professional's rows after the applicant's (个人信息, 审核注册人员 › 详细): 所在单位, 工作部门, 学历,
 * 专业技术职务系列, 现专业技术职称资格, 级别, 从事专业, 证书管理号 — codes by their names (codeText).
 */
export function professionalFacts(person: ProfessionalProfile): [string, string][] {
  return [
    ["所在单位", person.unitName],
    ["工作部门", person.departmentName ?? ""],
    ["学历", codeText(educationName, person.education)],
    ["专业技术职务系列", codeText(titleSeriesName, person.titleSeries)],
    ["现专业技术职称资格", person.qualification ?? ""],
    ["级别", codeText(titleLevelName, person.titleLevel)],
    ["从事专业", person.major ?? ""],
    ["证书管理号", person.certificateNo ?? ""],
  ];
}
