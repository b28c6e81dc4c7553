import { describe, expect, it } from "vitest";
import { z } from "zod";
import { baseEnv, ConfigError, parseEnv, port } from "../src/config.ts";

const shape = { ...baseEnv, PORT: port(4001) };

describe("configuration", () => {
  it("starts with local defaults when nothing is set", () => {
    const config = parseEnv(shape, {});
    expect(config).toMatchObject({
      DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/ce",
      NATS_URL: "nats://127.0.0.1:4222",
      REDIS_URL: "redis://127.0.0.1:6379",
      PORT: 4001,
      SUBJECT_PREFIX: "",
    });
  });

  it("treats an empty variable as unset", () => {
    expect(parseEnv(shape, { PORT: "" }).PORT).toBe(4001);
  });

  it("names every bad variable in one error", () => {
    const err = (() => {
      try {
        parseEnv(shape, { PORT: "abc", DATABASE_URL: "mysql://x", SUBJECT_PREFIX: "a.b" });
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(ConfigError);
    const message = (err as ConfigError).message;
    expect(message).toMatch(/PORT:/);
    expect(message).toMatch(/DATABASE_URL:/);
    expect(message).toMatch(/SUBJECT_PREFIX:/);
  });

  it("accepts extra service variables next to the shared ones", () => {
    expect(parseEnv({ ...shape, MAIL_TRANSPORT: z.enum(["log"]).default("log") }, {}).MAIL_TRANSPORT).toBe("log");
  });
});
