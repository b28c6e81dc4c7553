import { z } from "zod";

/** 用户类型 on the login page. */
export const UserType = z.enum(["AUTHORITY", "EMPLOYER", "TRAINING_BASE", "PROFESSIONAL"]);
export type UserType = z.infer<typeof UserType>;
export const userTypeLabels: Record<UserType, string> = {
  AUTHORITY: "主管部门",
  EMPLOYER: "用人单位",
  TRAINING_BASE: "继续教育基地",
  PROFESSIONAL: "个人",
};

/** The three kinds of unit; an admin's user type is the kind of their unit. */
export const UnitKind = z.enum(["AUTHORITY", "EMPLOYER", "TRAINING_BASE"]);
export type UnitKind = z.infer<typeof UnitKind>;
export const unitKindLabels: Record<UnitKind, string> = {
  AUTHORITY: "主管部门",
  EMPLOYER: "用人单位",
  TRAINING_BASE: "继续教育基地",
};

/** 证件类型; FOREIGN_PERMANENT_RESIDENT is the 18-character 2023 card (the 2017 15-character one is entered as 护照). */
export const IdType = z.enum(["RESIDENT_ID", "PASSPORT", "HK_MACAO_PERMIT", "TAIWAN_PERMIT", "OFFICER_ID", "FOREIGN_PERMANENT_RESIDENT"]);
export type IdType = z.infer<typeof IdType>;
export const idTypeLabels: Record<IdType, string> = {
  RESIDENT_ID: "身份证",
  PASSPORT: "护照",
  HK_MACAO_PERMIT: "港澳居民来往内地通行证",
  TAIWAN_PERMIT: "台湾居民来往大陆通行证",
  OFFICER_ID: "军官证",
  FOREIGN_PERMANENT_RESIDENT: "外国人永久居留身份证",
};

/** 单位性质 */
export const UnitNature = z.enum(["GOVERNMENT", "PUBLIC_INSTITUTION", "ENTERPRISE", "SOCIAL_ORGANIZATION", "OTHER"]);
export type UnitNature = z.infer<typeof UnitNature>;
export const unitNatureLabels: Record<UnitNature, string> = {
  GOVERNMENT: "机关",
  PUBLIC_INSTITUTION: "事业单位",
  ENTERPRISE: "企业",
  SOCIAL_ORGANIZATION: "社会团体",
  OTHER: "其他",
};

/** A unit's registration status. Only APPROVED units appear under 管理下级单位. */
export const UnitStatus = z.enum(["PENDING", "APPROVED", "REJECTED", "DISABLED"]);
export type UnitStatus = z.infer<typeof UnitStatus>;

/** A professional's registration status (审核注册人员). */
export const ProfessionalStatus = z.enum(["PENDING", "APPROVED", "REJECTED"]);
export type ProfessionalStatus = z.infer<typeof ProfessionalStatus>;

/** 施教级别 of a CE base. */
export const TrainingLevel = z.enum(["NATIONAL", "PROVINCIAL", "INDUSTRY", "MUNICIPAL"]);
export type TrainingLevel = z.infer<typeof TrainingLevel>;
export const trainingLevelLabels: Record<TrainingLevel, string> = {
  NATIONAL: "国家级继续教育基地",
  PROVINCIAL: "省级继续教育基地",
  INDUSTRY: "行业继续教育基地",
  MUNICIPAL: "市级继续教育基地",
};
