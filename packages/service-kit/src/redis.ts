import { Redis } from "ioredis";

/** A Redis client whose keys carry the configured prefix (test files get their own). */
export function createRedis(url: string, keyPrefix = ""): Redis {
  return new Redis(url, {
    keyPrefix: keyPrefix ? `${keyPrefix}:` : "",
    maxRetriesPerRequest: 2,
    enableOfflineQueue: true,
    lazyConnect: false,
  });
}

export type { Redis };
