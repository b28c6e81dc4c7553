import { fileURLToPath } from "node:url";
import { type BatchOutcome, calendarDate, calendarYear, type UserType } from "@ce/contracts";
import type { HoursRouter } from "@ce/hours/router";
import { createRedis, parseEnv, type Redis } from "@ce/service-kit";
import { fetchWithTimeout } from "@ce/service-kit/call-timeout";
import { SERVICE_AUTH_HEADER, signServiceAuth } from "@ce/service-kit/service-auth";
import { createTRPCClient, httpBatchLink, TRPCClientError } from "@trpc/client";
import superjson from "superjson";
import { z } from "zod";
import { closeSession, openSession } from "../auth/sessions.ts";
import { findLoginAccount } from "../db/accounts.ts";
import type { Db } from "../db/client.ts";
import { grantFor } from "../domain/principal.ts";
import type { IdentityRouter } from "../routers/index.ts";
import type { Pii } from "../security/pii.ts";
import { demoProfessionals, demoUnits } from "./demo-data.ts";
import { demoHoursPlan, PLAN_TRANSFER, type PlannedRecord } from "./demo-hours-plan.ts";

/**
 * The demo hour records (demo-hours-plan.ts) made the way a person makes them: each employer's
 * admin declares (学时申报) for their people, the 主管部门 above approve level by level (学时审批),
 * a few are rejected or left pending, the province voids one per plan (审验不通过), and one person
 * is transferred (人员调转) — every step a call to the running hours or identity service, so the
 * events flow and reporting builds its read models as it always does.
 *
 * Who calls: the `seed` caller, with its own service key (SEED_SERVICE_KEY, handed to this step
 * only by start.sh); as whom: a session identity opens for each demo admin with its own session
 * code (openSession + grantFor, as login does after the password) — run by the operator's
 * `npm start` with identity's credentials, never reachable from outside. The 5-year window needs
 * hours' own rule set so (DECLARATION_YEARS_BACK=4, start.sh); a narrower window refuses the old
 * years as it would refuse a person. Idempotent per employer: one that already has records is
 * skipped, so a second start adds nothing.
 */

const SeedEnv = {
  SEED_SERVICE_KEY: z.string().min(1, "the seed caller's private key (start.sh: CE_SERVICE_KEY_SEED)"),
  IDENTITY_URL: z.url().default("http://127.0.0.1:4001/trpc"),
  HOURS_URL: z.url().default("http://127.0.0.1:4002/trpc"),
};

// A 1×1 PNG standing in for the 学时证明 scan.
const PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

function client<R extends IdentityRouter | HoursRouter>(url: string, audience: "identity" | "hours", privateKey: string, token: string) {
  return createTRPCClient<R>({
    links: [
      httpBatchLink({
        url,
        transformer: superjson,
        methodOverride: "POST",
        fetch: fetchWithTimeout(60_000),
        headers: () => ({ authorization: `Bearer ${token}`, [SERVICE_AUTH_HEADER]: signServiceAuth({ caller: "seed", audience, privateKey }) }),
      }),
    ],
  } as never);
}

interface Admin {
  token: string;
  accountId: string;
  hours: ReturnType<typeof createTRPCClient<HoursRouter>>;
  identity: ReturnType<typeof createTRPCClient<IdentityRouter>>;
}

const chunks = <T>(xs: readonly T[], n = 200): T[][] => Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n));

/** Raises unless a batch decided exactly `expected` records. */
function expectDecided(what: string, outcome: BatchOutcome, expected: number): void {
  if (outcome.decided.length !== expected)
    throw new Error(`${what}: ${outcome.decided.length} of ${expected} decided (${JSON.stringify(outcome.skipped).slice(0, 300)})`);
}

/**
 * Makes the demo hour records through the services; returns what it made.
 *
 * @throws Error when a service refuses a step (the message names it); what was made stays, and
 * the next start skips the employers that already have records.
 */
export async function seedDemoHours(
  deps: { db: Db; redis: Redis; pii: Pii },
  env: { identityUrl: string; hoursUrl: string; serviceKey: string },
  now = new Date(),
): Promise<{ declared: number; skippedUnits: number }> {
  const unitIds = new Map<string, string>();
  for (const u of demoUnits) {
    const unit = await deps.db.unit.findFirst({ where: { name: u.name }, select: { id: true } });
    if (!unit) throw new Error(`demo unit ${u.name} is missing: run seed:demo first`);
    unitIds.set(u.key, unit.id);
  }
  const opened: Admin[] = [];
  const admins = new Map<string, Admin>();
  const adminOf = async (unitKey: string): Promise<Admin> => {
    const known = admins.get(unitKey);
    if (known) return known;
    const unit = demoUnits.find((u) => u.key === unitKey);
    if (!unit) throw new Error(`no demo unit ${unitKey}`);
    const hash = deps.pii.blindIndex("RESIDENT_ID", unit.admin.idNumber);
    const account = await findLoginAccount(deps.db, { idType: "RESIDENT_ID", idNumberHash: hash });
    if (!account) throw new Error(`the admin of ${unit.name} is missing`);
    const { token } = await openSession(deps.redis, account, grantFor(unit.kind as UserType, account), false);
    const admin: Admin = {
      token,
      accountId: account.id,
      hours: client<HoursRouter>(env.hoursUrl, "hours", env.serviceKey, token) as never,
      identity: client<IdentityRouter>(env.identityUrl, "identity", env.serviceKey, token) as never,
    };
    admins.set(unitKey, admin);
    opened.push(admin);
    return admin;
  };

  const people = demoProfessionals();
  const accountOf = async (person: number): Promise<string> => {
    const p = people[person];
    if (!p) throw new Error(`no demo professional ${person}`);
    const account = await deps.db.account.findUnique({
      where: { idType_idNumberHash: { idType: "RESIDENT_ID", idNumberHash: deps.pii.blindIndex("RESIDENT_ID", p.idNumber) } },
      select: { id: true },
    });
    if (!account) throw new Error(`demo professional ${p.name} is missing`);
    return account.id;
  };

  const year = calendarYear(now);
  const today = calendarDate(now);
  const byUnit = new Map<string, PlannedRecord[]>();
  for (const r of demoHoursPlan(people)) {
    const key = people[r.person]?.unitKey ?? "";
    byUnit.set(key, [...(byUnit.get(key) ?? []), r]);
  }
  let declared = 0;
  let skippedUnits = 0;
  const toVoid: string[] = [];
  try {
    for (const [unitKey, records] of byUnit) {
      const employer = await adminOf(unitKey);
      if ((await employer.hours.declarations.records.query({ tab: "ALL", page: 1, pageSize: 1 })).total > 0) {
        skippedUnits++;
        continue;
      }
      const made: { id: string; record: PlannedRecord }[] = [];
      for (const record of records) {
        const y = year - record.yearsBack;
        // Learning dated inside its year, never after today.
        const day = record.yearsBack === 0 ? today : `${y}-0${3 + (record.person % 6)}-15`;
        const declaration = {
          professionalId: await accountOf(record.person),
          year: y,
          formCode: "ONLINE",
          schoolName: "山东交通网络学院",
          className: record.subject === "GENERAL" ? "公需科目网络培训" : "交通工程专业课程网络培训",
          startDate: day,
          endDate: day,
          score: "合格",
          requestedHours: record.hours,
          subject: record.subject,
          details: {},
          attachments: [{ name: "学时证明.png", contentBase64: PNG }],
        };
        made.push({ id: (await declareWhenKnown(employer, declaration)).id, record });
        declared++;
      }
      // The reviewers above the employer, nearest first (a city's 交通运输局, then the province).
      const unit = demoUnits.find((u) => u.key === unitKey);
      const levels = [unit?.superior, unit?.superior === "sd" ? null : "sd"].filter((k): k is string => Boolean(k));
      const ids = (o: PlannedRecord["outcome"][]) => made.filter((m) => o.includes(m.record.outcome)).map((m) => m.id);
      const [first] = levels;
      if (first && ids(["REJECT"]).length > 0) {
        const reviewer = await adminOf(first);
        for (const batch of chunks(ids(["REJECT"])))
          expectDecided("驳回", await reviewer.hours.approvals.batchReject.mutate({ ids: batch, reasonCode: "MISSING_PROOF", reason: "" }), batch.length);
      }
      for (const level of levels) {
        const reviewer = await adminOf(level);
        for (const batch of chunks(ids(["APPROVE", "VOID"]))) await reviewer.hours.approvals.batchApprove.mutate({ ids: batch });
      }
      toVoid.push(...ids(["VOID"]));
    }
    if (toVoid.length > 0) {
      const province = await adminOf("sd");
      for (const batch of chunks(toVoid))
        expectDecided("审验不通过", await province.hours.audits.fail.mutate({ ids: batch, reason: "演示：证明材料与学习内容不符" }), batch.length);
    }
    await transferOnce(deps.db, adminOf, await accountOf(PLAN_TRANSFER.person), unitIds);
  } finally {
    for (const a of opened) await closeSession(deps.redis, a.token, a.accountId);
  }
  return { declared, skippedUnits };
}

/** Declares, waiting (60 s at most) while hours has not yet learnt of the person from identity's events. */
async function declareWhenKnown(employer: Admin, input: Parameters<Admin["hours"]["declarations"]["declare"]["mutate"]>[0]): Promise<{ id: string }> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await employer.hours.declarations.declare.mutate(input);
    } catch (error) {
      const notYet = error instanceof TRPCClientError && (error.data as { code?: string } | undefined)?.code === "NOT_FOUND";
      if (!notYet || attempt >= 120) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

/** 人员调转 of PLAN_TRANSFER: the sending employer asks, 济南市 accepts; nothing when the person has already moved. */
async function transferOnce(db: Db, adminOf: (unitKey: string) => Promise<Admin>, accountId: string, unitIds: Map<string, string>): Promise<void> {
  const toUnitId = unitIds.get(PLAN_TRANSFER.toUnitKey) as string;
  const now = await db.professional.findUnique({ where: { accountId }, select: { unitId: true } });
  if (now?.unitId === toUnitId) return;
  const from = await adminOf(PLAN_TRANSFER.fromUnitKey);
  const { id } = await from.identity.transfers.create.mutate({ accountId, contactPhone: "0531-88886666", toUnitId, reason: "工作调动（演示数据）" });
  await (await adminOf("jn")).identity.transfers.decide.mutate({ id, accept: true });
}

// `npm run seed:demo-hours` in this folder (start.sh runs it once the services are up).
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { loadConfig } = await import("../config.ts");
  const { createDb } = await import("../db/client.ts");
  const { createPii } = await import("../security/pii.ts");
  const config = loadConfig();
  const seed = parseEnv(SeedEnv);
  const db = createDb(config.DATABASE_URL);
  const redis = createRedis(config.REDIS_URL);
  try {
    const pii = createPii({ encryptionKey: config.PII_ENCRYPTION_KEY, indexKey: config.PII_INDEX_KEY });
    const result = await seedDemoHours({ db, redis, pii }, { identityUrl: seed.IDENTITY_URL, hoursUrl: seed.HOURS_URL, serviceKey: seed.SEED_SERVICE_KEY });
    console.log(
      result.skippedUnits > 0 && result.declared === 0
        ? "hours: demo hour records already present; nothing changed"
        : `hours: ${result.declared} demo hour records made through the services (${result.skippedUnits} employers already had theirs)`,
    );
  } finally {
    redis.disconnect();
    await db.$disconnect();
  }
}
