// The registration forms' public unit picker (/register/units): a name the text schema refuses is
// answered 400 with its Chinese message before identity is asked — never a 500.
import { generateServiceKeyPair } from "@ce/service-kit/service-auth";
import { afterEach, describe, expect, it, vi } from "vitest";

afterEach(() => vi.unstubAllEnvs());

describe("the public unit picker", () => {
  it.each([
    ["a NUL", "%00"],
    ["a C0 control", "%01a"],
    ["a bidi override", "%E2%80%AE%E5%8D%95%E4%BD%8D"],
    ["a noncharacter", "%EF%BF%BF"],
    ["DEL", "%7F"],
  ])("answers %s in the name with 400 and a Chinese message", async (_what, name) => {
    vi.stubEnv("SESSION_SECRET", "a-session-secret-for-this-test");
    vi.stubEnv("SERVICE_AUTH_PRIVATE_KEY", generateServiceKeyPair().privateKey);
    // Nothing answers here: a call to identity would end in 503, not the 400 expected.
    vi.stubEnv("IDENTITY_URL", "http://127.0.0.1:9/trpc");
    vi.resetModules();
    const { loader } = await import("../routes/register.units.ts");
    const answer = await loader({ request: new Request(`http://portal.test/register/units?name=${name}`), context: {}, params: {} });
    const response = answer as unknown as { init: { status: number } | null; data: { units: unknown[]; message: string } };
    expect(response.init?.status).toBe(400);
    expect(response.data.units).toEqual([]);
    expect(response.data.message).toMatch(/^单位名称含有不允许的字符/);
  });
});
