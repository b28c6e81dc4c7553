// Test fixtures for services: a stand-in identity producer, sessions, polling. Never imported by src/main code.
import { randomBytes, randomUUID } from "node:crypto";
import type http from "node:http";
import type { AddressInfo } from "node:net";
import {
  addDays,
  allPermissions,
  callerUnit,
  generateResidentId,
  type Naming,
  type Permission,
  type Principal,
  type ProfessionalSnapshot,
  type StreamName,
  sessionKeys,
  toDateColumn,
  type UnitKind,
  type UnitSnapshot,
  unitPath,
} from "@ce/contracts";
import { professionalSnapshot } from "@ce/contracts/testing";
import { TEST_NATS_URL, TEST_REDIS_URL, TEST_SERVICE_CALL_TIMEOUT_MS } from "@ce/testkit";
import { headers as natsHeaders } from "@nats-io/transport-node";
import { createTRPCClient, httpBatchLink, TRPCClientError } from "@trpc/client";
import type { AnyRouter } from "@trpc/server";
import { encode as encodeBmp } from "bmp-ts";
import { Redis } from "ioredis";
import sharp from "sharp";
import superjson from "superjson";
import { fetchWithTimeout } from "./call-timeout.ts";
import { startHttpServer } from "./http.ts";
import { createLogger } from "./logger.ts";
import { connectNats, ensureStream, type Nats, STREAM_PRODUCER } from "./nats.ts";
import { DEV_SERVICE_AUTH_PRIVATE_KEY, DEV_SERVICE_AUTH_PUBLIC_KEY, parseServicePublicKeys, SERVICE_AUTH_HEADER, signServiceAuth } from "./service-auth.ts";
import { SESSION_TTL_S } from "./session.ts";

/**
 * Plays the producer of `stream` (identity for CE_IDENTITY, hours for CE_HOURS) towards a
 * consumer under test: owns the stream under the test's prefix and publishes envelopes the way
 * the outbox relay does (msgID = event id, the Ce-Type header); close() deletes the stream.
 */
export async function fakeProducer(naming: Naming, stream: StreamName) {
  const nats: Nats = await connectNats(TEST_NATS_URL, `${naming.prefix}-${STREAM_PRODUCER[stream]}`);
  await ensureStream(nats.jsm, naming, stream);
  return {
    ...nats,
    publish(envelope: { id: string; type: string }, msgID = envelope.id) {
      const h = natsHeaders();
      h.set("Ce-Type", envelope.type);
      return nats.js.publish(naming.subject(envelope.type), JSON.stringify(envelope), { msgID, headers: h });
    },
    async close() {
      await nats.jsm.streams.delete(naming.stream(stream)).catch(() => {});
      await nats.nc.close();
    },
  };
}

/** Plays the identity service towards a consumer under test (fakeProducer of CE_IDENTITY). */
export const fakeIdentityProducer = (naming: Naming) => fakeProducer(naming, "CE_IDENTITY");

/** An event envelope of `type` carrying `data`, as the outbox relay would publish it now (fresh id, no actor). */
export function testEnvelope<T>(type: string, data: T) {
  return { id: randomUUID(), type, occurredAt: new Date().toISOString(), actor: null, correlationId: randomUUID(), causationId: null, data };
}

/** A unit.created / unit.updated envelope with sensible defaults. */
export function unitEnvelope(
  type: "ce.identity.unit.created.v1" | "ce.identity.unit.updated.v1",
  snapshot: Partial<UnitSnapshot> & { superiorPath?: string | null } = {},
) {
  const { superiorPath = null, ...rest } = snapshot;
  const unitId = rest.unitId ?? randomUUID();
  return testEnvelope(type, {
    unitId,
    name: "济南市交通运输局",
    kind: "AUTHORITY",
    nature: "GOVERNMENT",
    industry: "G",
    region: "370100",
    code: null,
    superiorId: null,
    path: unitPath(superiorPath, unitId),
    status: "APPROVED",
    trainingLevel: null,
    version: 1,
    ...rest,
  } satisfies UnitSnapshot);
}

/** A unit.created envelope of an enterprise employer (用人单位) under `superior`, approved unless told. */
export function employerEnvelope(name: string, superior: { data: { unitId: string; path: string } }, status: "APPROVED" | "PENDING" = "APPROVED") {
  return unitEnvelope("ce.identity.unit.created.v1", {
    name,
    kind: "EMPLOYER",
    nature: "ENTERPRISE",
    superiorId: superior.data.unitId,
    superiorPath: superior.data.path,
    status,
  });
}

/**
 * A professional.* envelope of professionalSnapshot in `unit`, with the status its event means
 * (registered: PENDING; approved, updated: APPROVED) unless `over` says otherwise.
 */
export function professionalEnvelope(
  type: "ce.identity.professional.registered.v1" | "ce.identity.professional.approved.v1" | "ce.identity.professional.updated.v1",
  unit: { data: { unitId: string; path: string } },
  over: Partial<ProfessionalSnapshot> = {},
) {
  const status = type === "ce.identity.professional.registered.v1" ? "PENDING" : "APPROVED";
  return testEnvelope(type, professionalSnapshot(unit, { status, ...over }));
}

/**
 * The small province service tests stand on, as unit.created envelopes with fresh ids:
 * 山东省交通运输厅 (370000) over two sibling cities, 济南市交通运输局 and 青岛市交通运输局
 * (region 370100, unitEnvelope's default). Add employers with employerEnvelope.
 */
export function provinceUnits() {
  const province = unitEnvelope("ce.identity.unit.created.v1", { name: "山东省交通运输厅", region: "370000" });
  const city = (name: string) => unitEnvelope("ce.identity.unit.created.v1", { name, superiorId: province.data.unitId, superiorPath: province.data.path });
  return { province, jinan: city("济南市交通运输局"), qingdao: city("青岛市交通运输局") };
}

/**
 * Small images for attachment tests, as a scanner or a phone would send them: a 4×4 PNG; the same
 * picture as a JPEG whose EXIF a stored copy must lose (Copyright "OWNER-SECRET", a GPS latitude);
 * and a 3×2 24-bit BMP (bmp-ts writes it: sharp reads no BMP).
 */
export async function sampleImages(): Promise<{ png: Uint8Array; jpegWithGps: Uint8Array; bmp: Uint8Array }> {
  const solid = () => sharp({ create: { width: 4, height: 4, channels: 3, background: "#2a6" } });
  const exif = { IFD0: { Copyright: "OWNER-SECRET" }, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "36/1 40/1 12/1" } };
  return {
    png: new Uint8Array(await solid().png().toBuffer()),
    jpegWithGps: new Uint8Array(await solid().jpeg().withExif(exif).toBuffer()),
    bmp: new Uint8Array(encodeBmp({ data: Buffer.alloc(3 * 2 * 4, 0xff), width: 3, height: 2, bitPP: 24 }).data),
  };
}

/**
 * Every resident ID that fits the mask of `idNumber` (370102199005****7731 shows region, year,
 * sequence and check character): what someone holding a masked number would try, day by day.
 */
export function residentIdsFittingMask(idNumber: string): string[] {
  const [region, year, sequence, check] = [idNumber.slice(0, 6), Number(idNumber.slice(6, 10)), Number(idNumber.slice(14, 17)), idNumber.slice(17)];
  const out: string[] = [];
  for (let day = `${year}-01-01`; day.startsWith(`${year}-`); day = addDays(day, 1)) {
    const id = generateResidentId(region, toDateColumn(day), sequence);
    if (id.endsWith(check)) out.push(id);
  }
  return out;
}

/** An admin's scope in a unit envelope's unit, as signIn and testPrincipal take it: its id, its name, its path. */
export function adminScope(unit: { data: { unitId: string; name: string; path: string } }) {
  return { unitId: unit.data.unitId, unitName: unit.data.name, scopePath: unit.data.path };
}

/** Writes a session the way identity does at login (an admin of a unit of `kind`, AUTHORITY unless told) and returns its bearer token. */
export async function signIn(
  redis: Redis,
  who: { unitId: string; unitName: string; scopePath: string; permissions?: Permission[]; name?: string; kind?: UnitKind; accountId?: string },
): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  const kind = who.kind ?? "AUTHORITY";
  const principal: Principal = {
    sessionId: randomBytes(12).toString("hex"),
    accountId: who.accountId ?? randomUUID(),
    userType: kind,
    name: who.name ?? `${who.unitName}管理员`,
    unitId: who.unitId,
    unitName: who.unitName,
    scopePath: who.scopePath,
    ...callerUnit({ kind, path: who.scopePath }),
    isSuperAdmin: who.permissions === undefined,
    mustChangePassword: false,
    permissions: who.permissions ?? [...allPermissions],
    remember: false,
    createdAt: new Date().toISOString(),
  };
  await redis.set(sessionKeys.session(token), JSON.stringify(principal), "EX", SESSION_TTL_S);
  return token;
}

/** Polls until the check stops throwing or the time runs out. */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (err) {
      if (Date.now() > until) throw err;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/**
 * The service credential tests call with: the portal's, under the development key — what a
 * service booted by a test accepts when its SERVICE_AUTH_PUBLIC_KEYS is left at the default.
 * `audience` overrides the service signed for (default: the one at the URL, from its /healthz).
 */
export type TestServiceAuth = { caller: string; privateKey: string; audience?: string };
export const testServiceAuth: TestServiceAuth = { caller: "portal", privateKey: DEV_SERVICE_AUTH_PRIVATE_KEY };
/** SERVICE_AUTH_PUBLIC_KEYS for a service a test boots: accepts testServiceAuth. */
export const testServicePublicKeys = `portal:${DEV_SERVICE_AUTH_PUBLIC_KEY}`;

const audiences = new Map<string, Promise<string>>();

/** The service name a /trpc URL answers for (its /healthz says), asked once per URL. */
export function audienceOf(trpcUrl: string): Promise<string> {
  const origin = new URL(trpcUrl).origin;
  let known = audiences.get(origin);
  if (!known) {
    known = fetch(`${origin}/healthz`).then(async (r) => ((await r.json()) as { service: string }).service);
    known.catch(() => audiences.delete(origin));
    audiences.set(origin, known);
  }
  return known;
}

/** How long a test's service call may take (ms); see @ce/testkit's env. */
export { TEST_SERVICE_CALL_TIMEOUT_MS };

/**
 * A typed tRPC client for a service under test, signed in with the given bearer token. It
 * calls as the portal (so `clientIp` is honoured) unless `auth` names another caller, or is
 * null for a call without a service credential. Each call aborts after `timeoutMs`.
 */
export function serviceClient<R extends AnyRouter>(
  url: string,
  token?: string,
  clientIp = "127.0.0.1",
  auth: TestServiceAuth | null = testServiceAuth,
  timeoutMs = TEST_SERVICE_CALL_TIMEOUT_MS,
) {
  return createTRPCClient<R>({
    links: [
      // The generic R hides that every router here uses superjson; the cast restores that fact.
      httpBatchLink<AnyRouter>({
        url,
        transformer: superjson,
        fetch: fetchWithTimeout(timeoutMs),
        headers: async () => ({
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(auth
            ? {
                [SERVICE_AUTH_HEADER]: signServiceAuth({
                  caller: auth.caller,
                  audience: auth.audience ?? (await audienceOf(url)),
                  privateKey: auth.privateKey,
                }),
              }
            : {}),
          "x-client-ip": clientIp,
        }),
      }) as never,
    ],
  });
}

/** The tRPC error code a promise rejects with (or "OK" when it resolves). */
export async function errorCode(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "OK";
  } catch (e) {
    if (e instanceof TRPCClientError) return (e.data as { code?: string } | undefined)?.code ?? "UNKNOWN";
    throw e;
  }
}

/**
 * Removes what a test run left under its prefix on the shared servers: Redis keys
 * `<prefix>:*`, the services' JetStream streams (their consumers go with them) and the
 * attachments and transfer-attachments object stores.
 */
export async function cleanupPrefix(naming: Naming, redisUrl = TEST_REDIS_URL): Promise<void> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  try {
    let cursor = "0";
    do {
      const [next, keys] = await redis.scan(cursor, "MATCH", `${naming.prefix}:*`, "COUNT", 500);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== "0");
  } finally {
    redis.disconnect();
  }
  const nats = await connectNats(TEST_NATS_URL, `${naming.prefix}-cleanup`);
  try {
    for (const stream of Object.keys(STREAM_PRODUCER) as StreamName[]) {
      await nats.jsm.streams.delete(naming.stream(stream)).catch(() => {});
    }
    // An object-store bucket is the stream OBJ_<bucket>.
    for (const bucket of ["attachments", "transfer-attachments"] as const) {
      await nats.jsm.streams.delete(`OBJ_${naming.bucket(bucket)}`).catch(() => {});
    }
  } finally {
    await nats.nc.close();
  }
}

/** A service's HTTP server started by a test on a free port: its base URL, tRPC URL and how to stop it. */
export interface TestHttpServer {
  server: http.Server;
  /** http://127.0.0.1:<port> */
  base: string;
  /** `${base}/trpc` */
  trpcUrl: string;
  /** Closes the server and disconnects the Redis it was given. */
  close(): Promise<void>;
}

/**
 * startHttpServer as a test needs it: `router` on 127.0.0.1 and a free port, no readiness checks,
 * a silent logger, the dev service key of the portal as the only caller, audience "test";
 * `options` replace any of these.
 */
export async function startTestHttpServer(
  router: AnyRouter,
  redis: Redis,
  options: Partial<Omit<Parameters<typeof startHttpServer>[0], "router" | "redis">> = {},
): Promise<TestHttpServer> {
  const server = await startHttpServer({
    router,
    redis,
    port: 0,
    host: "127.0.0.1",
    log: createLogger("test", "silent"),
    readiness: {},
    audience: "test",
    serviceAuth: parseServicePublicKeys(testServicePublicKeys),
    ...options,
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    server,
    base,
    trpcUrl: `${base}/trpc`,
    close: async () => {
      await new Promise((resolve) => server.close(resolve));
      redis.disconnect();
    },
  };
}

export * from "./fuzz.ts";
export * from "./matrix.ts";
