import type { z } from "zod";
import { enumOfLabels, labelsOf } from "./codes/code-list.ts";

/** 用户类型 on the login page. */
export const userTypeLabels = {
  AUTHORITY: "主管部门",
  EMPLOYER: "用人单位",
  TRAINING_BASE: "继续教育基地",
  PROFESSIONAL: "个人",
};
export const UserType = enumOfLabels(userTypeLabels);
export type UserType = z.infer<typeof UserType>;

/** The three kinds of unit; an admin's user type is the kind of their unit (the same codes and labels, 个人 aside). */
export const UnitKind = UserType.exclude(["PROFESSIONAL"]);
export type UnitKind = z.infer<typeof UnitKind>;
export const unitKindLabels = labelsOf(UnitKind, userTypeLabels);

/** 证件类型; FOREIGN_PERMANENT_RESIDENT is the 18-character 2023 card (the 2017 15-character one is entered as 护照). */
export const idTypeLabels = {
  RESIDENT_ID: "身份证",
  PASSPORT: "护照",
  HK_MACAO_PERMIT: "港澳居民来往内地通行证",
  TAIWAN_PERMIT: "台湾居民来往大陆通行证",
  OFFICER_ID: "军官证",
  FOREIGN_PERMANENT_RESIDENT: "外国人永久居留身份证",
};
export const IdType = enumOfLabels(idTypeLabels);
export type IdType = z.infer<typeof IdType>;

/** 单位性质 */
export const unitNatureLabels = {
  GOVERNMENT: "机关",
  PUBLIC_INSTITUTION: "事业单位",
  ENTERPRISE: "企业",
  SOCIAL_ORGANIZATION: "社会团体",
  OTHER: "其他",
};
export const UnitNature = enumOfLabels(unitNatureLabels);
export type UnitNature = z.infer<typeof UnitNature>;

/**
 * 审核状态 of a registration (a unit's or a professional's) wherever a person reads it: 详细 pages and
 * 操作日志. 审核通过 / 审核不通过 as the guide's tabs name a decision's outcome (查看申报记录: 审核通过,
 * 审核不通过); a DISABLED unit has been deleted (管理下级单位 › 删除).
 */
export const registrationStatusLabels = {
  PENDING: "待审核",
  APPROVED: "审核通过",
  REJECTED: "审核不通过",
  DISABLED: "已删除",
};
/** A unit's registration status. Only APPROVED units appear under 管理下级单位. */
export const UnitStatus = enumOfLabels(registrationStatusLabels);
export type UnitStatus = z.infer<typeof UnitStatus>;

/**
 * 审核状态 of a change request (审核机构信息修改, 审核人员信息修改) wherever a person reads it: the
 * 已审核 list and 操作日志. 驳回 is the decision, 已驳回 its outcome; WITHDRAWN: the requester withdrew it.
 */
export const changeRequestStatusLabels = {
  PENDING: "待审核",
  APPROVED: "审核通过",
  REJECTED: "已驳回",
  WITHDRAWN: "已撤销",
};

/** A professional's registration status (审核注册人员): a unit's, deletion aside. */
export const ProfessionalStatus = UnitStatus.exclude(["DISABLED"]);
export type ProfessionalStatus = z.infer<typeof ProfessionalStatus>;

/** 施教级别 of a CE base. */
export const trainingLevelLabels = {
  NATIONAL: "国家级继续教育基地",
  PROVINCIAL: "省级继续教育基地",
  INDUSTRY: "行业继续教育基地",
  MUNICIPAL: "市级继续教育基地",
};
export const TrainingLevel = enumOfLabels(trainingLevelLabels);
export type TrainingLevel = z.infer<typeof TrainingLevel>;
