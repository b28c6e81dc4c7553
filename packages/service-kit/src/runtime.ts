import { naming as makeNaming, type Naming } from "@ce/contracts";
import type { Redis } from "ioredis";
import { Lifecycle } from "./lifecycle.ts";
import { createLogger, type Logger } from "./logger.ts";
import { connectNats, type Nats } from "./nats.ts";
import { createRedis } from "./redis.ts";

export interface InfraConfig {
  LOG_LEVEL: string;
  NATS_URL: string;
  REDIS_URL: string;
  SUBJECT_PREFIX: string;
}

export interface Infra {
  log: Logger;
  naming: Naming;
  nats: Nats;
  redis: Redis;
  lifecycle: Lifecycle;
}

/**
 * Connects what every service shares (NATS, Redis) and registers their shutdown: NATS is
 * drained, so in-flight acks and publishes complete before the process exits.
 */
export async function connectInfra(service: string, config: InfraConfig, log = createLogger(service, config.LOG_LEVEL)): Promise<Infra> {
  const lifecycle = new Lifecycle(log);
  const naming = makeNaming(config.SUBJECT_PREFIX);
  const nats = await connectNats(config.NATS_URL, service);
  lifecycle.onStop("nats", () => nats.nc.drain());
  const redis = createRedis(config.REDIS_URL, config.SUBJECT_PREFIX);
  lifecycle.onStop("redis", () => redis.quit());
  return { log, naming, nats, redis, lifecycle };
}
