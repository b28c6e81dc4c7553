/**
 * Helpers of the hours browser tests: people come into being through identity's own procedures
 * (registration, then the unit admin's review), and hours learns of them only through the events
 * identity publishes, as in production. The browser path of registration and review is driven in
 * people-registration.test.ts and batch-review.test.ts; here the same procedures are called
 * through the service client so a test can set up several people quickly.
 */
import { randomBytes, randomInt } from "node:crypto";
import { writeFileSync } from "node:fs";
import { calendarDate, calendarYear } from "@ce/contracts";
import type { HoursRouter } from "@ce/hours/router";
import type { IdentityRouter } from "@ce/identity/router";
import { eventually, serviceClient } from "@ce/service-kit/testing";
import type { Redis } from "ioredis";
import type { Page } from "playwright-core";
import { expect, inject } from "vitest";
import { expectTrail, type Person, portalUrl } from "./org-support.ts";
import { freshIdNumber } from "./people-support.ts";

const prefix = inject("subjectPrefix");

// A client address per call: registration and login count attempts per address.
export const identityAs = (token?: string) => serviceClient<IdentityRouter>(inject("serviceUrls").identity, token, `198.51.100.${randomInt(1, 250)}`);
export const hoursAs = (token: string) => serviceClient<HoursRouter>(inject("serviceUrls").hours, token, "198.51.100.24");

/** A professional created through identity: what a test types and what pages show; signIn takes them as they are (个人). */
export interface Registered extends Person {
  userType: "PROFESSIONAL";
  accountId: string;
  /** As lists show it: the first 10 and the last 4 characters, **** between. */
  idNumberMasked: string;
}

async function captcha(redis: Redis): Promise<{ captchaId: string; captchaAnswer: string }> {
  const { captchaId } = await identityAs().auth.captcha.query();
  const captchaAnswer = await redis.get(`${prefix}:captcha:${captchaId}`);
  if (!captchaAnswer) throw new Error(`no captcha answer in Redis for ${captchaId}`);
  return { captchaId, captchaAnswer };
}

/** Signs `who` in through identity's login procedure (captcha answer read from Redis); the bearer token. */
export async function tokenOf(redis: Redis, who: Person): Promise<string> {
  const { token } = await identityAs().auth.login.mutate({
    userType: who.userType,
    idType: "RESIDENT_ID",
    idNumber: who.idNumber,
    password: who.password,
    remember: false,
    ...(await captcha(redis)),
  });
  return token;
}

/** A name no other test or run uses, e.g. `批量a3f1甲`: `stem` + 4 hex digits + `suffix`. */
export function uniqueName(stem: string): string {
  return `${stem}${randomBytes(2).toString("hex")}`;
}

/**
 * Registers a professional of `unitName` through identity's self-registration (left 待审核,
 * status PENDING). Raises if the unit is not found by the public unit search.
 */
export async function registerProfessional(redis: Redis, unitName: string, name: string): Promise<Registered> {
  const [unit] = await identityAs().registration.searchUnits.query({ name: unitName });
  if (!unit) throw new Error(`no unit ${unitName}`);
  const idNumber = freshIdNumber();
  const password = "Hours1234";
  const { accountId } = await identityAs().registration.professional.mutate({
    idType: "RESIDENT_ID",
    idNumber,
    name,
    password,
    confirmPassword: password,
    phone: "13712345678",
    email: "hours-e2e@example.com",
    unitId: unit.id,
    education: "BACHELOR",
    titleSeries: "ENGINEERING",
    titleLevel: "INTERMEDIATE",
    qualification: "工程师",
    major: "车辆工程",
    ...(await captcha(redis)),
  });
  return { userType: "PROFESSIONAL", accountId, name, idNumber, idNumberMasked: `${idNumber.slice(0, 10)}****${idNumber.slice(14)}`, password };
}

/**
 * Registers professionals of `unitName` and has `admin` (that unit's admin) approve them through
 * identity's review; resolves once hours offers every one of them to `admin` as a declarable
 * person, i.e. once identity's professional events have reached hours' replica (20 s at most).
 */
export async function approvedProfessionals(redis: Redis, admin: Person, unitName: string, names: string[]): Promise<Registered[]> {
  const people: Registered[] = [];
  for (const name of names) people.push(await registerProfessional(redis, unitName, name));
  const token = await tokenOf(redis, admin);
  const { decided } = await identityAs(token).review.decideProfessionals.mutate({ ids: people.map((p) => p.accountId), decision: "APPROVE" });
  expect(decided).toHaveLength(people.length);
  for (const person of people) {
    await eventually(
      async () => expect((await hoursAs(token).declarations.declarables.query({ name: person.name })).items.map((p) => p.name)).toEqual([person.name]),
      20_000,
    );
  }
  return people;
}

/** Opens 学时申报 (its breadcrumb checked) with 学习形式 岗位培训 chosen: the form of a class with a 结业证书 scan. */
export async function openDeclaration(page: Page): Promise<void> {
  await page.goto(`${portalUrl}/hours/declare`);
  await expectTrail(page, "学时申报 > 学时申报");
  await page.getByLabel("学习形式").selectOption({ label: "岗位培训" });
}

/**
 * Fills 学时申报's class fields once 学习形式 and 申请人 are chosen: 学校(单位)名称, 培训班名称,
 * 开始时间 / 结束时间 (days `from` / `to` of this year, "MM-DD"), 学习成绩 合格, 申请学时 `hours`, 计入科目
 * 专业科目. Attaches nothing: each test chooses its files.
 */
export async function fillDeclaredClass(page: Page, c: { school: string; className: string; from: string; to: string; hours: number }): Promise<void> {
  const year = calendarYear(new Date());
  await page.getByLabel("学校(单位)名称").fill(c.school);
  await page.getByLabel("培训班名称").fill(c.className);
  await page.getByLabel("开始时间").fill(`${year}-${c.from}`);
  await page.getByLabel("结束时间").fill(`${year}-${c.to}`);
  await page.getByLabel("学习成绩").fill("合格");
  await page.getByLabel("申请学时").fill(String(c.hours));
  await page.getByLabel("计入科目").selectOption({ label: "专业科目" });
}

/** A 1×1 PNG (base64) standing in for a declaration's 学时证明 scan. */
export const PNG_BASE64 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

/** PNG_BASE64 as a file to choose as 附件 (e.g. a 结业证书 scan): /tmp/`stem`-<8 hex digits>.png, its path. */
export function writeScan(stem: string): string {
  const path = `/tmp/${stem}-${randomBytes(4).toString("hex")}.png`;
  writeFileSync(path, Buffer.from(PNG_BASE64, "base64"));
  return path;
}

/**
 * Declares `requestedHours` of `subject` for `person` this year through hours' API as the unit
 * admin whose token is `declarerToken`: 在线学习 (ONLINE) at 山东交通网络学院 today, 学习成绩 合格, with
 * PNG_BASE64 as its scan. The declaration's id.
 */
export async function declareOnline(declarerToken: string, person: Registered, subject: "GENERAL" | "PROFESSIONAL", requestedHours: number): Promise<string> {
  const today = calendarDate(new Date());
  const { id } = await hoursAs(declarerToken).declarations.declare.mutate({
    professionalId: person.accountId,
    year: calendarYear(new Date()),
    formCode: "ONLINE",
    schoolName: "山东交通网络学院",
    className: "网络培训",
    startDate: today,
    endDate: today,
    score: "合格",
    requestedHours,
    subject,
    details: {},
    attachments: [{ name: "证明.png", contentBase64: PNG_BASE64 }],
  });
  return id;
}

/**
 * Approves every one of `declarationIds` through hours' API at each level of the chain: `chain` in
 * order (济南市's admin, then 省厅's), each signed in through identity, with the pre-filled 认定学时.
 */
export async function approveThroughChain(redis: Redis, chain: Person[], declarationIds: string[]): Promise<void> {
  for (const admin of chain) {
    const api = hoursAs(await tokenOf(redis, admin));
    for (const declarationId of declarationIds) await api.approvals.approve.mutate({ declarationId });
  }
}
