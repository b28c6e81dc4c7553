// What every form-action case shares (form-action-cases.test-support.ts): the ids, the viewers
// whose sessions post, a one-pixel PNG, the fields of a new account and of a captcha, and the Case shape.
import { allPermissions, educationLevels, generateResidentId, type Me, titleLevels, titleSeries } from "@ce/contracts";

export const ids = {
  a: "8d0c7d4e-3f1a-4a51-9a5e-6a1f0c7e2b11",
  b: "0b6f1e0a-8f7d-4c3e-9a1b-2c3d4e5f6a7b",
  c: "5f0c2a9e-1b7d-4c3e-9a51-0d2f7e8b6c41",
} as const;

export const admin = {
  accountId: ids.a,
  name: "管理员",
  userType: "AUTHORITY",
  unitId: ids.b,
  unitName: "山东省交通运输厅",
  unitKind: "AUTHORITY",
  unitDepth: 0,
  isProvince: true,
  isSuperAdmin: true,
  permissions: [...allPermissions],
  // A session with a temporary password would be sent to 修改密码 first.
  mustChangePassword: false,
} as Me;
export const professional: Me = {
  ...admin,
  name: "张三",
  userType: "PROFESSIONAL",
  unitKind: null,
  unitDepth: null,
  isProvince: false,
  isSuperAdmin: false,
  permissions: [],
};

/** A 继续教育基地's admin: declares a class for many people (学时申报, issue 13.5). */
export const trainingBase: Me = {
  ...admin,
  name: "基地管理员",
  userType: "TRAINING_BASE",
  unitName: "山东交通学院继续教育基地",
  unitKind: "TRAINING_BASE",
  unitDepth: 1,
  isProvince: false,
};

export const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d4948445200000001000000010806000000" + "1f15c4890000000d49444154789c6360000002000100e221bc330000000049454e44ae426082",
  "hex",
);

export interface Case {
  /** The route module's file in app/routes. */
  route: string;
  what: string;
  url: string;
  fields: Record<string, string | string[]>;
  /** Whose session posts (none for the public pages). */
  as?: Me | null;
  params?: Record<string, string>;
  /** A file field, sent as multipart. */
  file?: string;
  answers?: Record<string, unknown>;
  /** The procedure the action must call. */
  calls: string;
  /** Where the redirect goes. */
  to: string;
  /** Whether the answer carries a flash (only signing in does without: the page it opens is the news). */
  flash?: boolean;
}

export const captcha = { captchaId: ids.c, captchaAnswer: "1234" };
export const profileCodes = { education: educationLevels[0]!.code, titleSeries: titleSeries[0]!.code, titleLevel: titleLevels[0]!.code };
export const newAccount = {
  idType: "RESIDENT_ID",
  idNumber: generateResidentId("370102", new Date(Date.UTC(1985, 4, 12)), 17),
  name: "李四",
  phone: "13800138000",
  email: "lisi@example.com",
  password: "Ce123456",
  confirmPassword: "Ce123456",
};
