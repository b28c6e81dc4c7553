/** The servers tests use; each test file gets a database of its own on TEST_SERVER_URL. */
export const TEST_SERVER_URL = process.env.TEST_DATABASE_SERVER_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
export const TEST_NATS_URL = process.env.NATS_URL ?? "nats://127.0.0.1:4222";
export const TEST_REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
