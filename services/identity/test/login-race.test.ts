// A demotion that commits while a login is verifying the password revokes the sessions that
// exist then, not the one that login is about to open. The login re-reads the account after its
// session is in the index (confirmGrant); here the interleaving is laid out step by step: the
// grant is read, the change commits (and revokes), then the session opens with the old grant.
import { sessionKeys } from "@ce/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSession } from "../src/auth/sessions.ts";
import { findLoginAccount } from "../src/db/accounts.ts";
import { grantFor } from "../src/domain/principal.ts";
import { confirmGrant } from "../src/use-cases/auth/login.ts";
import { bootIdentity, failure, type TestIdentity } from "./support/boot.ts";
import type { Credentials } from "./support/fixture.ts";

let t: TestIdentity;
beforeAll(async () => {
  t = await bootIdentity("loginrace");
});
afterAll(() => t?.cleanup());

const adminIdOf = async (who: Credentials) => (await t.app.db.admin.findFirstOrThrow({ where: { accountId: who.accountId } })).id;
const asJnSuper = async () => t.client({ token: (await t.login(t.fixture.logins.jn)).token });

describe("a login racing a change of the admin's rights", () => {
  it.each([
    {
      case: "disabled",
      change: async (who: Credentials) => (await asJnSuper()).admins.setStatus.mutate({ adminId: await adminIdOf(who), status: "DISABLED" }),
      kept: false,
    },
    {
      case: "roles taken away",
      change: async (who: Credentials) => (await asJnSuper()).admins.assignRoles.mutate({ adminId: await adminIdOf(who), roleIds: [] }),
      kept: false,
    },
    { case: "removed as admin", change: async (who: Credentials) => (await asJnSuper()).admins.remove.mutate({ adminId: await adminIdOf(who) }), kept: false },
    {
      case: "account disabled in the database",
      change: async (who: Credentials) => t.app.db.account.update({ where: { id: who.accountId }, data: { status: "DISABLED" } }),
      kept: false,
    },
    { case: "nothing changed (control)", change: async () => undefined, kept: true },
    {
      case: "another admin demoted (control)",
      change: async () =>
        (await asJnSuper()).admins.assignRoles.mutate({
          adminId: await adminIdOf(await t.fixture.newAdmin("jn", { permissions: ["stats.view"] })),
          roleIds: [],
        }),
      kept: true,
    },
  ])("$case between reading the grant and opening the session → session kept: $kept", async ({ change, kept }) => {
    const who = await t.fixture.newAdmin("jn", { permissions: ["stats.view", "admin.manage"] });
    const account = await findLoginAccount(t.app.db, { id: who.accountId });
    if (!account) throw new Error("fixture account missing");
    const stale = grantFor(who.userType, account);
    await change(who);
    const { token } = await openSession(t.app.infra.redis, account, stale, true);
    const confirmed = confirmGrant(t.app.deps, who.accountId, who.userType, stale, token);
    if (kept) {
      await confirmed;
      expect((await t.client({ token }).auth.me.query()).accountId).toBe(who.accountId);
    } else {
      await expect(confirmed).rejects.toMatchObject({ kind: "CONFLICT", message: "账户权限刚刚发生变更，请重新登录" });
      expect(await t.app.infra.redis.get(sessionKeys.session(token))).toBeNull();
      expect((await failure(t.client({ token }).auth.me.query())).code).toBe("UNAUTHORIZED");
    }
  });

  it("leaves an ordinary login alone", async () => {
    const who = await t.fixture.newAdmin("jn", { permissions: ["stats.view"] });
    const { token } = await t.login(who);
    expect((await t.client({ token }).auth.me.query()).permissions).toEqual(["stats.view"]);
  });
});
