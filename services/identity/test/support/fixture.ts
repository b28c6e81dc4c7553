import { generateResidentId, type Permission, type UserType } from "@ce/contracts";
import type { EventMeta } from "@ce/service-kit";
import { createAccount, createAdmin, createProfessional, createRole, type NewAccount } from "../../src/db/accounts.ts";
import type { Db, Tx } from "../../src/db/client.ts";
import type { NewUnit } from "../../src/domain/units.ts";
import { hashPassword } from "../../src/security/passwords.ts";
import type { Pii } from "../../src/security/pii.ts";
import { createUnit } from "../../src/use-cases/units/write.ts";

export const FIXTURE_PASSWORD = "Ce123456";

export interface FixtureUnit {
  id: string;
  name: string;
  path: string;
}

export interface Credentials {
  userType: UserType;
  idNumber: string;
  password: string;
  accountId: string;
  name: string;
}

type UnitKey = "sd" | "jn" | "qd" | "jnBus" | "jnMetro" | "jnPending" | "qdMetro" | "qdPort" | "base";

// key, name, superior, kind, nature, status
const tree: [UnitKey, string, UnitKey | null, NewUnit["kind"], NewUnit["nature"], NewUnit["status"]][] = [
  ["sd", "山东省交通运输厅", null, "AUTHORITY", "GOVERNMENT", "APPROVED"],
  ["jn", "济南市交通运输局", "sd", "AUTHORITY", "GOVERNMENT", "APPROVED"],
  ["qd", "青岛市交通运输局", "sd", "AUTHORITY", "GOVERNMENT", "APPROVED"],
  ["jnBus", "济南公共交通集团有限公司", "jn", "EMPLOYER", "ENTERPRISE", "APPROVED"],
  ["jnMetro", "济南轨道交通集团有限公司", "jn", "EMPLOYER", "ENTERPRISE", "APPROVED"],
  ["jnPending", "济南待审核运输有限公司", "jn", "EMPLOYER", "ENTERPRISE", "PENDING"],
  ["qdMetro", "青岛地铁集团有限公司", "qd", "EMPLOYER", "ENTERPRISE", "APPROVED"],
  ["qdPort", "青岛港国际股份有限公司", "qd", "EMPLOYER", "ENTERPRISE", "APPROVED"],
  ["base", "山东交通职业学院继续教育基地", "sd", "TRAINING_BASE", "PUBLIC_INSTITUTION", "APPROVED"],
];

/**
 * A small unit tree (province → 济南, 青岛 → their employers, a CE base) with a super admin per
 * approved unit, two non-super 济南 admins with different roles and two professionals. Tests that
 * change an account's state make their own with newProfessional / newAdmin.
 */
export class Fixture {
  readonly units = {} as Record<UnitKey, FixtureUnit>;
  readonly logins = {} as Record<"sd" | "jn" | "qd" | "jnBus" | "base" | "jnApprover" | "jnViewer" | "professional" | "pendingProfessional", Credentials>;
  private sequence = 0;
  private passwordHash = "";

  constructor(
    private readonly db: Db,
    private readonly pii: Pii,
  ) {}

  async seed(): Promise<this> {
    this.passwordHash = await hashPassword(FIXTURE_PASSWORD);
    const meta: EventMeta = { actor: null, correlationId: "test-fixture" };
    await this.db.$transaction(async (tx) => {
      for (const [key, name, superior, kind, nature, status] of tree) {
        const unit = await createUnit(
          tx,
          {
            name,
            kind,
            nature,
            status,
            industry: kind === "TRAINING_BASE" ? "P" : "G",
            region: "370000",
            code: null,
            superiorId: superior ? this.units[superior].id : null,
            trainingLevel: kind === "TRAINING_BASE" ? "INDUSTRY" : null,
          },
          meta,
        );
        this.units[key] = { id: unit.unitId, name: unit.name, path: unit.path };
      }
    });
    for (const key of ["sd", "jn", "qd", "jnBus", "base"] as const) this.logins[key] = await this.newAdmin(key, { isSuper: true });
    this.logins.jnApprover = await this.newAdmin("jn", { permissions: ["hours.approve", "hours.records"] });
    this.logins.jnViewer = await this.newAdmin("jn", { permissions: ["subordinate.view"] });
    this.logins.professional = await this.newProfessional();
    this.logins.pendingProfessional = await this.newProfessional({ status: "PENDING" });
    return this;
  }

  /** A fresh, valid resident ID no other fixture account uses. */
  nextIdNumber(): string {
    const n = ++this.sequence;
    return generateResidentId("370102", new Date(Date.UTC(1975, 0, 1 + n)), n % 1000);
  }

  async newAdmin(unit: UnitKey, opts: { isSuper?: boolean; permissions?: Permission[] } = {}): Promise<Credentials> {
    const { id: unitId, name: unitName } = this.units[unit];
    const idNumber = this.nextIdNumber();
    const name = `${unitName.slice(0, 4)}管理员${this.sequence}`;
    const accountId = await this.db.$transaction(async (tx) => {
      const account = await this.account(tx, { idNumber, name, unitId, phone: "18700001155", email: `admin${this.sequence}@example.com` });
      const roleIds = opts.permissions ? [(await createRole(tx, { unitId, name: `角色${this.sequence}`, permissions: opts.permissions })).id] : [];
      await createAdmin(tx, { accountId: account.id, unitId, isSuper: opts.isSuper ?? false, roleIds });
      return account.id;
    });
    const kind = tree.find(([k]) => k === unit)?.[3] ?? "AUTHORITY";
    return { userType: kind, idNumber, password: FIXTURE_PASSWORD, accountId, name };
  }

  async newProfessional(opts: { unit?: UnitKey; status?: "APPROVED" | "PENDING" } = {}): Promise<Credentials> {
    const unit = opts.unit ?? "jnBus";
    const idNumber = this.nextIdNumber();
    const name = `测试人员${this.sequence}`;
    const accountId = await this.db.$transaction(async (tx) => {
      const account = await this.account(tx, {
        idNumber,
        name,
        unitId: this.units[unit].id,
        phone: "13800000000",
        email: `person${this.sequence}@example.com`,
      });
      await this.professionalRecord(tx, account.id, unit, opts.status);
      return account.id;
    });
    return { userType: "PROFESSIONAL", idNumber, password: FIXTURE_PASSWORD, accountId, name };
  }

  /**
   * Gives an account a professional record in `unit` (本科, 工程技术 中级 工程师, 道路桥梁工程), approved
   * unless told; an admin's account given one holds both roles, as 选择成为管理员's reverse.
   */
  professionalRecord(tx: Tx, accountId: string, unit: UnitKey, status: "APPROVED" | "PENDING" = "APPROVED"): Promise<void> {
    return createProfessional(tx, {
      accountId,
      unitId: this.units[unit].id,
      status,
      education: "BACHELOR",
      titleSeries: "ENGINEERING",
      titleLevel: "INTERMEDIATE",
      qualification: "工程师",
      major: "道路桥梁工程",
      certificateNo: null,
    });
  }

  /** An account with a resident ID and the fixture password. */
  private account(tx: Tx, who: Pick<NewAccount, "idNumber" | "name" | "unitId" | "phone" | "email">) {
    return createAccount(tx, this.pii, { idType: "RESIDENT_ID", ...who, passwordHash: this.passwordHash });
  }
}
