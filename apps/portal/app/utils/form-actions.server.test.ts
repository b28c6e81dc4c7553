// Redirect-after-post, the one way of every form action: a successful submit answers 303 with a
// flash (the ce_flash cookie) and never a page, so reloading or going back never submits again.
// Each action runs as Remix calls it, against stand-in services that answer the tRPC wire format
// and record the procedures they are asked for; its form is a valid one of that page.

import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Me } from "@ce/contracts";
import { testTag } from "@ce/testkit";
import type { ActionFunctionArgs, AppLoadContext } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { admin, CASES, type Case, ids, PNG } from "./form-action-cases.test-support.ts";
import { standInSession } from "./service-stand-ins.test-support.ts";

type Action = (args: ActionFunctionArgs) => Promise<unknown>;

// The portal's Redis keys (submission outcomes) under this file's own prefix; stand-in services and a session.
const session = standInSession(testTag("formactions"), admin as Me);
const routesDir = path.join(path.dirname(new URL(import.meta.url).pathname), "..", "routes");

function body(c: Case): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(c.fields)) for (const v of Array.isArray(value) ? value : [value]) form.append(name, v);
  if (c.file) form.append(c.file, new File([PNG], "证明.png", { type: "image/png" }));
  return form;
}

/** What an action answered: a Response (redirect), or the data and status of a refusal. */
async function answer(
  c: Case,
): Promise<
  Response | { data: { result: { error?: Record<string, string[]>; initialValue?: Record<string, unknown> } } & Record<string, unknown>; status: number }
> {
  const { action } = (await import(`../routes/${c.route}`)) as { action: Action };
  const form = body(c);
  const headers = new Headers(c.as === null ? {} : { cookie: session.cookie });
  // Text forms post urlencoded, as a browser does; file forms multipart.
  const payload = c.file ? form : new URLSearchParams([...form.entries()].map(([k, v]) => [k, String(v)]));
  const request = new Request(`http://portal.test${c.url}`, { method: "POST", headers, body: payload });
  const context: AppLoadContext = { requestId: "req-12345678", clientIp: "127.0.0.1" };
  try {
    const out = (await action({ request, context, params: c.params ?? {} })) as Response | { data: never; init: { status: number } };
    return out instanceof Response ? out : { data: out.data, status: out.init.status };
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

async function submit(c: Case): Promise<Response> {
  const out = await answer(c);
  if (out instanceof Response) return out;
  throw new Error(`answered with data, not a redirect: ${JSON.stringify(out).slice(0, 400)}`);
}

describe("every form action answers a successful submit with 303 and a flash", () => {
  it.each(CASES)("$route $what → $to", async (c) => {
    session.viewer = c.as ?? admin;
    session.answers = c.answers ?? {};
    const res = await submit(c);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(c.to);
    expect(session.standIns.calls).toContain(c.calls);
    const cookies = res.headers.getSetCookie().map((s) => s.split("=")[0]);
    if (c.flash === false) expect(cookies).toEqual(["ce_session"]);
    else expect(cookies).toContain("ce_flash");
  });

  it("covers every route with an action, but those whose pages another table covers", () => {
    // The batch review pages (学时审批, 学时审验, 审核用人单位/注册人员/人员信息修改) share one action helper and its tests; 退出 only ends the session;
    // /id-search answers a search with a redirect and no flash (id-search.server.test.ts); 批量导入's 校验 writes
    // nothing and answers its report on the page (import.server.test.ts); refusal.ts only answers the wall's refusals (refusal-route.test.ts);
    // the resource routes answer a search (pick.$kind: picker.server.test.ts) or a file (import.failed: import.server.test.ts);
    // 批量导入's job page (撤销导入: identity import-job.test, e2e import) and 接口令牌管理 (新建 shows the secret once on the
    // page, never in a flash: reporting api-tokens.test, e2e api-tokens) answer on their own pages.
    const elsewhere = [
      "_app.import._index.tsx",
      "_app.hours.approvals.$declarationId.tsx",
      "_app.hours.approvals._index.tsx",
      "_app.hours.audits._index.tsx",
      "_app.reviews.employers._index.tsx",
      "_app.reviews.professionals.$accountId.tsx",
      "_app.reviews.professionals._index.tsx",
      "_app.reviews.profile-changes.$id.tsx",
      "_app.reviews.profile-changes._index.tsx",
      "logout.tsx",
      "id-search.ts",
      "refusal.ts",
      "pick.$kind.ts",
      "_app.import.failed.ts",
      "_app.import.jobs.$jobId.tsx",
      "_app.stats.api-tokens.tsx",
    ];
    const withAction = readdirSync(routesDir).filter((f) =>
      /export (async )?function action\b|export const action\b/.test(readFileSync(path.join(routesDir, f), "utf8")),
    );
    const covered = new Set(CASES.map((c) => c.route));
    expect(withAction.filter((f) => !covered.has(f) && !elsewhere.includes(f))).toEqual([]);
  });
});

const caseOf = (route: string, what: string): Case => {
  const c = CASES.find((x) => x.route === route && x.what === what);
  if (!c) throw new Error(`no case ${route} ${what}`);
  return c;
};

describe("the one error path: refusals stay on the form, with the failure's own status", () => {
  it("a form the shared schema refuses: 400, the message by its field, no service call", async () => {
    const out = await answer({ ...caseOf("_app.accounts.departments.tsx", "编辑"), fields: { intent: "update", id: ids.b, name: "", sortOrder: "2" } });
    expect(out).not.toBeInstanceOf(Response);
    if (out instanceof Response) return;
    expect(out.status).toBe(400);
    expect(out.data.result.error?.name).toEqual(["请输入部门名称"]);
    expect(session.standIns.calls.filter((c) => !c.endsWith("auth.me"))).toEqual([]);
  });

  it("a conflict: 409 with the service's message above the form, and 确认删除 for a role in use", async () => {
    session.failures = { "identity:roles.delete": { code: "CONFLICT", message: "该角色已分配给2名管理员，确认删除吗？" } };
    const out = await answer({ ...caseOf("_app.accounts.roles.tsx", "确认删除"), fields: { intent: "delete", id: ids.b, name: "审批员" } });
    if (out instanceof Response) throw new Error("redirected");
    expect(out.status).toBe(409);
    expect(out.data.result.error?.[""]).toEqual(["该角色已分配给2名管理员，确认删除吗？"]);
    expect(out.data.confirm).toEqual({ id: ids.b, name: "审批员" });
  });

  it("a wrong old password names its field: 400 on 原密码, nothing typed echoed", async () => {
    session.failures = { "identity:auth.changePassword": { code: "UNAUTHORIZED", message: "原密码不正确", fieldErrors: { oldPassword: ["原密码不正确"] } } };
    const out = await answer(caseOf("_app.account.password.tsx", "修改密码"));
    if (out instanceof Response) throw new Error("redirected");
    expect(out.status).toBe(400);
    expect(out.data.result.error?.oldPassword).toEqual(["原密码不正确"]);
    expect(out.data.result.initialValue ?? {}).toEqual({});
  });

  it("an expired session on a signed-in page: to /login (saying the form was not saved) and back afterwards", async () => {
    session.failures = { "identity:auth.changePassword": { code: "UNAUTHORIZED", message: "登录已过期，请重新登录" } };
    const out = await answer(caseOf("_app.account.password.tsx", "修改密码"));
    if (!(out instanceof Response)) throw new Error(`answered ${out.status}`);
    expect(out.headers.get("location")).toBe("/login?redirectTo=%2Faccount%2Fpassword&reason=unsaved");
  });

  it("a wrong password on 登录: 400 above the form with a fresh captcha, the password and captcha not echoed", async () => {
    session.failures = { "identity:auth.login": { code: "UNAUTHORIZED", message: "证件号或密码错误" } };
    session.answers = { "identity:auth.captcha": { captchaId: ids.a, image: "data:image/png;base64,AA==" } };
    const out = await answer(caseOf("login.tsx", "登录"));
    if (out instanceof Response) throw new Error("redirected");
    expect(out.status).toBe(400);
    expect(out.data.result.error?.[""]).toEqual(["证件号或密码错误"]);
    expect(out.data.captcha).toEqual({ captchaId: ids.a, image: "data:image/png;base64,AA==" });
    expect(Object.keys(out.data.result.initialValue ?? {})).not.toContain("password");
    expect(Object.keys(out.data.result.initialValue ?? {})).not.toContain("captchaAnswer");
  });
});

describe("a repeated submission (double click, back-and-resubmit) is answered once", () => {
  const signedIn = CASES.filter((c) => c.as !== null);
  const mutations = (c: Case) => session.standIns.calls.filter((x) => x === c.calls).length;

  it.each(signedIn)("$route $what: the same key twice → one $calls, the same redirect and message", async (c) => {
    session.viewer = c.as ?? admin;
    session.answers = c.answers ?? {};
    const once = { ...c, fields: { ...c.fields, _submission: `${randomUUID()}-:r1:` } };
    const first = await submit(once);
    const again = await submit(once);
    expect(mutations(c)).toBe(1);
    expect(again.status).toBe(303);
    expect(again.headers.get("location")).toBe(first.headers.get("location"));
    const { flashOf } = await import("./flash.server.ts");
    expect(await flashOf(again)).toEqual(await flashOf(first));
    // Another render of the form (a new key) is a new submission.
    await submit({ ...c, fields: { ...c.fields, _submission: `${randomUUID()}-:r1:` } });
    expect(mutations(c)).toBe(2);
  });

  it("frees the key of a refused submit, so the corrected form goes through", async () => {
    const c = caseOf("_app.accounts.departments.tsx", "编辑");
    const key = `${randomUUID()}-:r1:`;
    session.failures = { "identity:departments.update": { code: "CONFLICT", message: "同级部门名称已存在", fieldErrors: { name: ["同级部门名称已存在"] } } };
    const refusedOnce = await answer({ ...c, fields: { ...c.fields, _submission: key } });
    expect(refusedOnce).not.toBeInstanceOf(Response);
    session.failures = {};
    expect((await submit({ ...c, fields: { ...c.fields, _submission: key } })).status).toBe(303);
    expect(mutations(c)).toBe(2);
  });
});
