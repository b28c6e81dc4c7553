/**
 * vitest globalSetup for the browser tests: boots the whole system on a fresh database — the
 * three services (those that exist) and the built portal — and tears it all down afterwards.
 * Tests get the portal URL and the key/subject prefix through `inject`.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, openSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { naming } from "@ce/contracts";
import { cleanupPrefix, testServiceAuth, testServicePublicKeys } from "@ce/service-kit/testing";
import { createTestDatabase, dropTestDatabase, freePort, TEST_REDIS_URL, testTag } from "@ce/testkit";
import type {} from "vitest";
import type { TestProject } from "vitest/node";
import { E2E_BUILD_DIR } from "../../build-dir.ts";

declare module "vitest" {
  export interface ProvidedContext {
    portalUrl: string;
    subjectPrefix: string;
    redisUrl: string;
    /** tRPC URLs of the running services, for tests that check what crosses between them. */
    serviceUrls: { identity: string; hours: string; reporting: string };
    /** Where the services and the portal write their logs (a failing test quotes their warnings). */
    logDir: string;
  }
}

const portalDir = fileURLToPath(new URL("../../", import.meta.url));
const repoDir = path.resolve(portalDir, "../..");
const SERVICES = [
  { name: "identity", defaultPort: 4001 },
  { name: "hours", defaultPort: 4002 },
  { name: "reporting", defaultPort: 4003 },
] as const;

interface Running {
  name: string;
  pid: number;
  log: string;
  exited: Promise<number | null>;
}

/** The environment of a child process: ours without vitest's markers (they change vite's config). */
// Remix's globals make NODE_ENV a required member of ProcessEnv; our children may go without.
type Env = NodeJS.ProcessEnv;

function childEnv(extra: Record<string, string>): Env {
  const env = {} as Env;
  for (const [k, v] of Object.entries(process.env)) {
    if (!k.startsWith("VITEST") && k !== "NODE_ENV" && k !== "TEST") env[k] = v;
  }
  return { ...env, NO_COLOR: "1", ...extra };
}

function tail(file: string, lines = 40): string {
  try {
    return readFileSync(file, "utf8").split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}

/** Runs a command to completion, its output in `log`; rejects with the log's tail on failure. */
function run(cmd: string, args: string[], cwd: string, env: Env, log: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const fd = openSync(log, "a");
    const child = spawn(cmd, args, { cwd, env, stdio: ["ignore", fd, fd] });
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`\`${cmd} ${args.join(" ")}\` in ${cwd} exited with ${code}:\n${tail(log)}`))));
  });
}

/** Starts a long-running process in its own process group, so that stopping it stops its children. */
function start(name: string, args: string[], cwd: string, env: Env, log: string): Running {
  const fd = openSync(log, "a");
  const child = spawn("node", args, { cwd, env, stdio: ["ignore", fd, fd], detached: true });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  if (child.pid === undefined) throw new Error(`could not start ${name}`);
  return { name, pid: child.pid, log, exited };
}

async function stop(proc: Running): Promise<void> {
  const signal = (s: NodeJS.Signals) => {
    try {
      process.kill(-proc.pid, s);
    } catch {
      // already gone
    }
  };
  signal("SIGTERM");
  const done = await Promise.race([proc.exited.then(() => true), new Promise<false>((r) => setTimeout(() => r(false), 10_000))]);
  if (!done) signal("SIGKILL");
}

/** Polls `url` until it answers 200; fails early if the process dies. */
async function waitFor(url: string, proc: Running, timeoutMs = 60_000): Promise<void> {
  let died = false;
  void proc.exited.then(() => (died = true));
  const until = Date.now() + timeoutMs;
  let last = "";
  while (Date.now() < until) {
    if (died) throw new Error(`${proc.name} exited before it was ready:\n${tail(proc.log)}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) return;
      last = `HTTP ${res.status}: ${(await res.text()).slice(0, 300)}`;
    } catch (e) {
      last = (e as Error).message;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${proc.name} not ready at ${url} after ${timeoutMs} ms (${last}):\n${tail(proc.log)}`);
}

function newestMtime(p: string): number {
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(p)) {
    if (entry === "node_modules") continue;
    newest = Math.max(newest, newestMtime(path.join(p, entry)));
  }
  return newest;
}

/**
 * The portal is served from its Vite build: rebuild when a source it bundles is newer. The tests'
 * build has its own directory (E2E_BUILD_DIR), so a portal started by `npm start` keeps its chunks.
 */
async function ensurePortalBuild(logDir: string): Promise<void> {
  const built = path.join(portalDir, E2E_BUILD_DIR, "server/index.js");
  const sources = [
    path.join(portalDir, "app"),
    path.join(portalDir, "vite.config.ts"),
    path.join(portalDir, "build-dir.ts"),
    path.join(portalDir, "package.json"),
    path.join(repoDir, "packages/contracts/src"),
  ];
  const stale = !existsSync(built) || Math.max(...sources.map(newestMtime)) > statSync(built).mtimeMs;
  if (stale) await run("npm", ["run", "build"], portalDir, childEnv({ PORTAL_BUILD_DIR: E2E_BUILD_DIR }), path.join(logDir, "portal-build.log"));
}

export default async function setup(project: TestProject) {
  const tag = testTag("e2e");
  const logDir = path.join(tmpdir(), `ce-e2e-${tag}`);
  mkdirSync(logDir, { recursive: true });
  const databaseUrl = await createTestDatabase(tag);
  const running: Running[] = [];

  const teardown = async () => {
    await Promise.all(running.map(stop));
    await dropTestDatabase(databaseUrl).catch((e: unknown) => console.error(`e2e: dropping ${databaseUrl} failed:`, e));
    await cleanupPrefix(naming(tag)).catch((e: unknown) => console.error("e2e: cleaning Redis keys and streams failed:", e));
  };

  try {
    const portalPort = await freePort();
    const portalUrl = `http://127.0.0.1:${portalPort}`;
    const present = SERVICES.filter((s) => existsSync(path.join(repoDir, "services", s.name, "src/main.ts")));
    const ports = new Map<string, number>();
    for (const s of SERVICES) ports.set(s.name, await freePort());
    // One mode for every process started together: development, so that the tests can read the
    // development mailbox (loopback only). Redis and NATS come from our environment (npm test:
    // the credentialed servers, as the broad "test" user); the portal calls with its credential.
    const serviceEnv = (name: string) =>
      childEnv({
        NODE_ENV: "development",
        SERVICE_AUTH_PUBLIC_KEYS: testServicePublicKeys,
        DATABASE_URL: databaseUrl,
        SUBJECT_PREFIX: tag,
        PORT: String(ports.get(name)),
        HOST: "127.0.0.1",
        LOG_LEVEL: "warn",
        PORTAL_URL: portalUrl,
      });

    // Build the portal while the database is prepared.
    const build = ensurePortalBuild(logDir);
    for (const s of present) {
      const dir = path.join(repoDir, "services", s.name);
      const log = path.join(logDir, `${s.name}-setup.log`);
      if (existsSync(path.join(dir, "prisma/schema.prisma")) && !existsSync(path.join(dir, "generated/prisma/client.ts"))) {
        await run("npm", ["run", "db:generate"], dir, serviceEnv(s.name), log);
      }
      if (existsSync(path.join(dir, "src/db/migrate.ts"))) await run("npm", ["run", "db:migrate"], dir, serviceEnv(s.name), log);
    }
    await run("npm", ["run", "seed:demo"], path.join(repoDir, "services/identity"), serviceEnv("identity"), path.join(logDir, "seed.log"));

    const services = present.map((s) =>
      start(s.name, ["--import", "tsx", "src/main.ts"], path.join(repoDir, "services", s.name), serviceEnv(s.name), path.join(logDir, `${s.name}.log`)),
    );
    running.push(...services);
    await build;
    const portal = start(
      "portal",
      ["--import", "tsx", "server.ts"],
      portalDir,
      childEnv({
        NODE_ENV: "development",
        PORTAL_BUILD_DIR: E2E_BUILD_DIR,
        SERVICE_AUTH_PRIVATE_KEY: testServiceAuth.privateKey,
        SESSION_SECRET: `e2e-${tag}-${Math.random().toString(36).slice(2)}`,
        HOST: "127.0.0.1",
        PORT: String(portalPort),
        IDENTITY_URL: `http://127.0.0.1:${ports.get("identity")}/trpc`,
        HOURS_URL: `http://127.0.0.1:${ports.get("hours")}/trpc`,
        REPORTING_URL: `http://127.0.0.1:${ports.get("reporting")}/trpc`,
        SUBJECT_PREFIX: tag,
      }),
      path.join(logDir, "portal.log"),
    );
    running.push(portal);

    await Promise.all(services.map((proc) => waitFor(`http://127.0.0.1:${ports.get(proc.name)}/readyz`, proc)));
    await waitFor(`${portalUrl}/login`, portal);

    project.provide("portalUrl", portalUrl);
    project.provide("subjectPrefix", tag);
    project.provide("redisUrl", TEST_REDIS_URL);
    project.provide("logDir", logDir);
    project.provide("serviceUrls", {
      identity: `http://127.0.0.1:${ports.get("identity")}/trpc`,
      hours: `http://127.0.0.1:${ports.get("hours")}/trpc`,
      reporting: `http://127.0.0.1:${ports.get("reporting")}/trpc`,
    });
    const missing = SERVICES.filter((s) => !present.includes(s)).map((s) => s.name);
    console.log(
      `e2e: system up at ${portalUrl} (prefix ${tag}, logs in ${logDir}${missing.length ? `; not started, no src/main.ts: ${missing.join(", ")}` : ""})`,
    );
  } catch (e) {
    await teardown();
    throw e;
  }
  return teardown;
}
