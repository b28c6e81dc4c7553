import { generateCreditCode, generateResidentId, type RegisterEmployerInput, type RegisterProfessionalInput } from "@ce/contracts";
import type { TestIdentity } from "./boot.ts";

let sequence = 0;

/** A valid resident ID no fixture uses (fixtures are born in 1975, these in 1988). */
export function freshIdNumber(): string {
  sequence++;
  return generateResidentId("370102", new Date(Date.UTC(1988, 0, 1 + sequence)), (sequence * 7) % 1000);
}

/** A complete 专业技术人员注册 form for a unit, with a fresh captcha. */
export async function professionalForm(
  t: TestIdentity,
  unitId: string,
  overrides: Partial<RegisterProfessionalInput> = {},
  ip?: string,
): Promise<RegisterProfessionalInput> {
  return {
    idType: "RESIDENT_ID",
    idNumber: freshIdNumber(),
    name: `注册人员${sequence}`,
    phone: "13912345678",
    email: `reg${sequence}@example.com`,
    unitId,
    education: "BACHELOR",
    titleSeries: "ENGINEERING",
    qualification: "工程师",
    titleLevel: "INTERMEDIATE",
    major: "道路桥梁工程",
    certificateNo: `ZS${sequence}`,
    password: "Abc12345",
    confirmPassword: "Abc12345",
    ...(await t.captcha(ip)),
    ...overrides,
  };
}

/** A complete 用人单位注册 form under a supervising department, with a fresh captcha. */
export async function employerForm(
  t: TestIdentity,
  superiorId: string,
  overrides: Partial<RegisterEmployerInput> = {},
  ip?: string,
): Promise<RegisterEmployerInput> {
  sequence++;
  return {
    unitName: `新注册运输有限公司${sequence}`,
    nature: "ENTERPRISE",
    industry: "G",
    region: "370100",
    code: generateCreditCode("370100", String(10000000 + sequence * 13).slice(0, 8)),
    superiorId,
    idType: "RESIDENT_ID",
    idNumber: freshIdNumber(),
    name: `单位管理员${sequence}`,
    phone: "13712345678",
    email: `unit${sequence}@example.com`,
    password: "Abc12345",
    confirmPassword: "Abc12345",
    ...(await t.captcha(ip)),
    ...overrides,
  };
}

/** The events written to the outbox so far, oldest first (what the relay publishes). */
export async function outboxEvents(t: TestIdentity, type?: string): Promise<{ type: string; data: Record<string, unknown> }[]> {
  const rows = await t.app.db.outbox.findMany({ where: type ? { type } : {}, orderBy: { seq: "asc" } });
  return rows.map((r) => ({ type: r.type, data: (r.payload as { data: Record<string, unknown> }).data }));
}
