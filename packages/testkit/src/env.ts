// The one place test code reads the environment.

/** The servers tests use; each test file gets a database of its own on TEST_SERVER_URL. */
export const TEST_SERVER_URL = process.env.TEST_DATABASE_SERVER_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
export const TEST_NATS_URL = process.env.NATS_URL ?? "nats://127.0.0.1:4222";
export const TEST_REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

/** A positive whole number from the environment, or undefined when unset or not one. */
function positiveInt(name: string): number | undefined {
  const n = Number(process.env[name]);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

/** Fuzz runs per procedure asked for by `npm run test:fuzz` (FUZZ_RUNS); undefined → each suite's default. */
export const TEST_FUZZ_RUNS = positiveInt("FUZZ_RUNS");

/**
 * How long a test's service call may take (ms): under vitest's 30 s test timeout, so a hung
 * service fails the test naming the URL. SERVICE_CALL_TIMEOUT_MS overrides the 20 s default.
 */
export const TEST_SERVICE_CALL_TIMEOUT_MS = positiveInt("SERVICE_CALL_TIMEOUT_MS") ?? 20_000;
