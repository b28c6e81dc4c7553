// Control characters in what a person types: a Chinese field error, never a 500, nothing written.

import { rowCounts } from "@ce/service-kit/testing";
import { describe, expect, it } from "vitest";
import { failure, useIdentity } from "./support/boot.ts";

const t = useIdentity("hostiletext", ["jn"]);

const api = () => t.client({ token: t.tokens.jn });
const refused = "含有不允许的字符";

describe("free text with control characters", () => {
  // [what, the call, the field the message sits on]
  const cases: [string, (bad: string) => Promise<unknown>, string][] = [
    ["a department name", (bad) => api().departments.create.mutate({ name: `办公${bad}室` }), "name"],
    [
      "a department rename",
      async (bad) =>
        api().departments.update.mutate({
          id: (await api().departments.create.mutate({ name: `改名科${Math.random()}`.slice(0, 10) })).id,
          name: `新${bad}名`,
          sortOrder: 1,
        }),
      "name",
    ],
    ["a role name", (bad) => api().roles.create.mutate({ name: `审核${bad}员`, permissions: ["hours.records"] }), "name"],
    ["the admins' name filter", (bad) => api().admins.list.query({ name: bad }), "name"],
    ["the roles' name filter", (bad) => api().roles.list.query({ name: `a${bad}` }), "name"],
    ["the subordinate units' name filter", (bad) => api().units.listSubordinates.query({ name: bad }), "name"],
    ["the operation log's actor filter", (bad) => api().audit.list.query({ actor: bad }), "actor"],
  ];
  const hostile: [string, string][] = [
    ["NUL", "\u0000"],
    ["ESC", "\u001b"],
    ["a lone surrogate", "\uD800"],
    ["a bidi override", "\u202E"],
    ["U+FFFF", "\uFFFF"],
  ];

  it.each(cases)("refuses %s with a Chinese message on its field and writes nothing", async (what, call, field) => {
    for (const [, bad] of hostile) {
      const before = await rowCounts(t.app.db, "identity")();
      const error = await failure(call(bad));
      expect(error.code).toBe("BAD_REQUEST");
      expect(error.fieldErrors?.[field]?.join("")).toContain(refused);
      // The department made to be renamed is the one row allowed; everything else is unchanged.
      if (!what.includes("rename")) expect(await rowCounts(t.app.db, "identity")()).toBe(before);
    }
  });

  it("refuses NUL in a field with no text schema of its own (the login's 证件号) as a field error, not a 500", async () => {
    const error = await failure(
      t.client().auth.login.mutate({ userType: "AUTHORITY", idNumber: "3701\u00000", password: "x", captchaId: "c", captchaAnswer: "1", remember: false }),
    );
    expect(error.code).toBe("BAD_REQUEST");
  });

  it("still takes emoji, rare characters and line breaks where a field allows them", async () => {
    const dept = await api().departments.create.mutate({ name: "𠀀😀科" });
    expect((await api().departments.list.query({ name: "𠀀" })).map((d) => d.id)).toContain(dept.id);
  });
});
