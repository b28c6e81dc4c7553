import { fileURLToPath } from "node:url";
import { profileOf, userTypeLabels } from "@ce/contracts";
import type { EventMeta } from "@ce/service-kit";
import { createAccount, createAdmin, createProfessional } from "../db/accounts.ts";
import type { Db } from "../db/client.ts";
import { publishProfessional } from "../events/professionals.ts";
import { hashPassword } from "../security/passwords.ts";
import type { Pii } from "../security/pii.ts";
import { createUnit } from "../use-cases/units/write.ts";
import { DEMO_PASSWORD, demoProfessionals, demoUnits } from "./demo-data.ts";
import { type DemoLogin, demoLogins } from "./demo-logins.ts";

const ROOT_NAME = "山东省交通运输厅";

/**
 * Loads the demo data once: the unit tree with a super admin per unit, then 300 professionals.
 * All in one transaction, so a failed run leaves nothing behind and the next run starts over;
 * units go through createUnit and every professional is announced, so their unit.created and
 * professional.registered events wait in the outbox for the relay.
 */
export async function seedDemo(db: Db, pii: Pii): Promise<{ created: boolean; units: number; professionals: number }> {
  if (await db.unit.findFirst({ where: { name: ROOT_NAME, superiorId: null }, select: { id: true } })) {
    return { created: false, units: 0, professionals: 0 };
  }
  // argon2 costs ~9 ms a hash: hash the shared demo password once for every account.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const meta: EventMeta = { actor: null, correlationId: "seed:demo" };
  const people = demoProfessionals();
  await db.$transaction(
    async (tx) => {
      const ids = new Map<string, string>();
      for (const { key, superior, admin, ...fields } of demoUnits) {
        const superiorId = superior === null ? null : (ids.get(superior) ?? null);
        const unit = await createUnit(tx, { ...fields, superiorId, status: "APPROVED" }, meta);
        ids.set(key, unit.unitId);
        const account = await createAccount(tx, pii, { idType: "RESIDENT_ID", ...admin, passwordHash, unitId: unit.unitId });
        await createAdmin(tx, { accountId: account.id, unitId: unit.unitId, isSuper: true });
      }
      for (const p of people) {
        const unitId = ids.get(p.unitKey) as string;
        const account = await createAccount(tx, pii, {
          idType: "RESIDENT_ID",
          idNumber: p.idNumber,
          name: p.name,
          phone: p.phone,
          email: p.email,
          passwordHash,
          unitId,
        });
        await createProfessional(tx, {
          accountId: account.id,
          unitId,
          status: p.status,
          ...profileOf(p),
        });
        // Hours and reporting learn the demo people the way they learn everyone: from events.
        await publishProfessional(tx, "professionalRegistered", account.id, meta);
      }
    },
    { timeout: 120_000 },
  );
  return { created: true, units: demoUnits.length, professionals: people.length };
}

/** The demo logins as a table; CJK characters take two columns in a terminal. */
export function formatLogins(logins: DemoLogin[]): string {
  const header = ["用户类型", "证件号", "密码", "姓名", "单位"];
  const rows = logins.map((l) => [userTypeLabels[l.userType], l.idNumber, l.password, l.name, l.unit]);
  const width = (s: string) => [...s].reduce((n, c) => n + (/[\u3000-\u9fff\uff00-\uffef]/.test(c) ? 2 : 1), 0);
  const cols = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ""))));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c + " ".repeat((cols[i] ?? 0) - width(c)))
      .join("  ")
      .trimEnd();
  return [line(header), cols.map((n) => "-".repeat(n)).join("  "), ...rows.map(line)].join("\n");
}

// `npm run seed:demo` in this folder
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { loadConfig } = await import("../config.ts");
  const { createDb } = await import("../db/client.ts");
  const { migrate } = await import("../db/migrate.ts");
  const { createPii } = await import("../security/pii.ts");
  const config = loadConfig();
  await migrate(config.DATABASE_URL);
  const db = createDb(config.DATABASE_URL);
  try {
    const result = await seedDemo(db, createPii({ encryptionKey: config.PII_ENCRYPTION_KEY, indexKey: config.PII_INDEX_KEY }));
    console.log(
      result.created
        ? `identity: demo data loaded (${result.units} units, ${result.professionals} professionals); their events are in the outbox`
        : `identity: demo data already present (${ROOT_NAME} exists); nothing changed`,
    );
    console.log(`\n演示账号（密码均为 ${DEMO_PASSWORD}）:\n${formatLogins(demoLogins)}`);
  } finally {
    await db.$disconnect();
  }
}
