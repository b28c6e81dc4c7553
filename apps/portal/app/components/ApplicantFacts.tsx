import { idTypeLabels, type MaskedApplicant } from "@ce/contracts";

/** The clear 证件号 and 手机 a holder of pii.unmask asked for (显示完整信息), replacing the masked ones. */
export interface RevealedNumbers {
  idNumber?: string | null | undefined;
  phone?: string | null | undefined;
}

/**
 * The applicant's rows of a review page's 详细 (审核用人单位's future 超级管理员, 审核注册人员, 审核人员信息修改),
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
