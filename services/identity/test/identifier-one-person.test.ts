// One number is one person whatever 证件类型 it is entered under (the probe: one resident ID number
// registered as 身份证, 护照 and 港澳通行证 — three accounts). A valid resident ID number is refused
// under any other type; any other number is taken under every type once registered under one.
import { ID_NUMBER_IS_RESIDENT_ID_MESSAGE, type IdType } from "@ce/contracts";
import { describe, expect, it } from "vitest";
import { failure, useIdentity } from "./support/boot.ts";
import { professionalForm } from "./support/people.ts";

const t = useIdentity("identifier-one-person", ["jn"]);

const register = async (idType: IdType, idNumber: string, ip: string) =>
  t.client({ ip }).registration.professional.mutate(await professionalForm(t, t.fixture.units.jnBus.id, { idType, idNumber }, ip));
const accounts = () => t.app.db.account.count();

describe("an identifier is one person whatever its type", () => {
  it.each<[IdType, string]>([
    ["PASSPORT", "37010219770120000X"],
    ["HK_MACAO_PERMIT", "３７０１０２１９７７０１２００００ｘ"],
    ["TAIWAN_PERMIT", "370102-19770120-000X"],
    ["OFFICER_ID", "370102\u200d19770120000X"],
  ])("registration refuses a valid resident ID number as %s (%s), naming 证件号", async (idType, idNumber) => {
    const before = await accounts();
    const refused = await failure(register(idType, idNumber, "198.51.100.30"));
    expect(refused).toMatchObject({ code: "BAD_REQUEST", fieldErrors: { idNumber: [ID_NUMBER_IS_RESIDENT_ID_MESSAGE] } });
    expect(await accounts()).toBe(before);
  });

  it("a number registered as 护照 is taken as 港澳通行证 / 台湾通行证: the neutral answer, nothing written; 新增管理员 says it is registered", async () => {
    const number = `E${String(Date.now()).slice(-8)}`;
    await register("PASSPORT", number, "198.51.100.31");
    const before = await accounts();
    for (const [idType, typed] of [
      ["HK_MACAO_PERMIT", number.toLowerCase()],
      ["TAIWAN_PERMIT", `${number.slice(0, 3)}\u200b${number.slice(3)}`],
      ["PASSPORT", number],
    ] as const) {
      const answer = await register(idType, typed, "198.51.100.32");
      expect(answer.accountId).toMatch(/^[0-9a-f-]{36}$/);
      expect(await t.app.db.account.findUnique({ where: { id: answer.accountId } })).toBeNull();
    }
    expect(await accounts()).toBe(before);
    const prepare = await failure(
      t.client({ token: t.tokens.jn, ip: "198.51.100.33" }).admins.prepare.mutate({
        way: "REGISTER",
        idType: "HK_MACAO_PERMIT",
        idNumber: number,
        name: "跨类型测试",
        phone: "13712345678",
        email: "cross@example.com",
        password: "Abc12345",
        confirmPassword: "Abc12345",
      } as never),
    );
    expect(prepare).toMatchObject({ code: "CONFLICT", fieldErrors: { idNumber: ["该证件号已注册，请使用“添加成为管理员(已是本系统用户)”"] } });
  });
});
