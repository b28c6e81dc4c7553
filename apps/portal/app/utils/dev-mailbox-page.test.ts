// /dev/mailbox hands out live reset links: outside development, or for a browser that is not on
// this machine, it does not exist (404) — before identity is even asked.
import { generateServiceKeyPair } from "@ce/service-kit/service-auth";
import { afterEach, describe, expect, it, vi } from "vitest";

afterEach(() => vi.unstubAllEnvs());

describe("the development mailbox page", () => {
  it.each([
    { NODE_ENV: "production", clientIp: "127.0.0.1" },
    { NODE_ENV: "test", clientIp: "127.0.0.1" },
    { NODE_ENV: "development", clientIp: "192.168.1.20" },
    { NODE_ENV: "development", clientIp: "::ffff:10.0.0.7" },
    { NODE_ENV: "development", clientIp: undefined },
  ])("answers 404 under $NODE_ENV to a browser at $clientIp", async ({ NODE_ENV, clientIp }) => {
    vi.stubEnv("NODE_ENV", NODE_ENV);
    vi.stubEnv("SESSION_SECRET", "a-session-secret-for-this-test");
    vi.stubEnv("SERVICE_AUTH_PRIVATE_KEY", generateServiceKeyPair().privateKey);
    // Nothing answers here: a call to identity would fail differently from the 404 expected.
    vi.stubEnv("IDENTITY_URL", "http://127.0.0.1:9/trpc");
    vi.resetModules();
    const { loader } = await import("../routes/dev.mailbox.tsx");
    const request = new Request("http://portal.test/dev/mailbox");
    const thrown = await loader({ request, context: clientIp ? { clientIp } : {}, params: {} }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).status).toBe(404);
  });

  it("asks identity for a browser on this machine in development (the control)", async () => {
    vi.stubEnv("NODE_ENV", "development");
    vi.stubEnv("IDENTITY_URL", "http://127.0.0.1:9/trpc");
    vi.resetModules();
    const { loader } = await import("../routes/dev.mailbox.tsx");
    const thrown = await loader({ request: new Request("http://portal.test/dev/mailbox"), context: { clientIp: "127.0.0.1" }, params: {} }).then(
      () => null,
      (e: unknown) => e,
    );
    // Identity is not running here, so the call fails — but it was made: no 404 from the page.
    expect(thrown instanceof Response && thrown.status === 404).toBe(false);
  });
});
