// The credentialed Redis and NATS that `npm start` and `npm test` run, built from the very
// configuration deploy/local/credentials.mjs writes, on servers of this file's own (free ports,
// temporary directory): nobody gets in without a user, and each service user is held to its own
// keys and subjects while still able to do its work.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { connect as connectTcp, createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { naming as makeNaming, sessionKeys } from "@ce/contracts";
import { freePort } from "@ce/testkit";
import { AckPolicy, DeliverPolicy } from "@nats-io/jetstream";
import { Objm } from "@nats-io/obj";
import { connect } from "@nats-io/transport-node";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectNats, ensureStream, type Nats } from "../src/nats.ts";
import { hitWindow } from "../src/rate-limit.ts";

const repo = fileURLToPath(new URL("../../../", import.meta.url));
const NATS_BIN = "/usr/sbin/nats-server";

interface Credentials {
  writeCredentials(secretsDir: string, dataDir: string, redisPort: number, natsPort: number): { redis: Record<string, string>; nats: Record<string, string> };
  natsAuthorizationTemplate(indent?: string): string;
  redisRules: Record<string, string>;
}
const credentials = () => import(path.join(repo, "deploy/local/credentials.mjs")) as Promise<Credentials>;

async function waitForPort(port: number): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const open = await new Promise<boolean>((resolve) => {
      const s = createServer();
      s.once("error", () => resolve(true));
      s.listen(port, "127.0.0.1", () => s.close(() => resolve(false)));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`nothing listens on ${port}`);
}

let dir: string;
let redisPort: number;
let natsPort: number;
let secrets: { redis: Record<string, string>; nats: Record<string, string> };
let natsProc: ChildProcess;
const naming = makeNaming("");
const redisUrl = (user: string) => `redis://${user}:${secrets.redis[user]}@127.0.0.1:${redisPort}`;
const natsUrl = (user: string) => `nats://${user}:${secrets.nats[user]}@127.0.0.1:${natsPort}`;
const opened: Array<{ close(): Promise<unknown> | unknown }> = [];

async function redisAs(user: string | null): Promise<Redis> {
  const r = new Redis(user ? redisUrl(user) : `redis://127.0.0.1:${redisPort}`, { maxRetriesPerRequest: 0, lazyConnect: true, enableReadyCheck: false });
  opened.push({ close: () => r.disconnect() });
  await r.connect().catch(() => undefined);
  return r;
}

async function natsAs(user: string): Promise<Nats> {
  const n = await connectNats(natsUrl(user), user);
  opened.push({ close: () => n.nc.close() });
  return n;
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "ce-credentials-"));
  [redisPort, natsPort] = [await freePort(), await freePort()];
  const { writeCredentials } = await credentials();
  secrets = writeCredentials(path.join(dir, "secrets"), path.join(dir, "data"), redisPort, natsPort);
  await new Promise<void>((resolve, reject) => {
    const p = spawn("redis-server", [path.join(dir, "secrets/redis.conf")], { stdio: "ignore" });
    p.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`redis-server exited with ${code}`))));
  });
  natsProc = spawn(NATS_BIN, ["-c", path.join(dir, "secrets/nats.conf")], { stdio: "ignore" });
  await Promise.all([waitForPort(redisPort), waitForPort(natsPort)]);
}, 30_000);

afterAll(async () => {
  for (const o of opened.reverse()) await Promise.resolve(o.close()).catch(() => undefined);
  const redisPid = Number(await readFile(path.join(dir, "data/redis.pid"), "utf8").catch(() => "0"));
  if (redisPid > 0) process.kill(redisPid, "SIGTERM");
  natsProc?.kill("SIGTERM");
  await new Promise((r) => setTimeout(r, 300));
  await rm(dir, { recursive: true, force: true });
});

describe("Redis with ACL users", () => {
  const forged = sessionKeys.session("forged-session-token-0123456789");
  const principal = JSON.stringify({ scopePath: "/", permissions: ["*"] });

  it.each([
    { who: "nobody (no credential)", user: null, refused: /NOAUTH/ },
    { who: "hours (reads sessions only)", user: "hours", refused: /NOPERM/ },
    { who: "reporting (reads sessions only)", user: "reporting", refused: /NOPERM/ },
    { who: "the portal (its submission outcomes only)", user: "portal", refused: /NOPERM/ },
  ])("refuses a session written straight into Redis by $who", async ({ user, refused }) => {
    const r = await redisAs(user);
    await expect(r.set(forged, principal)).rejects.toThrow(refused);
  });

  it("lets the portal keep a form submission's outcome, and read no session", async () => {
    const r = await redisAs("portal");
    expect(await r.set("submission:s:k", "{}", "EX", 60, "NX")).toBe("OK");
    expect(await r.get("submission:s:k")).toBe("{}");
    expect(await r.del("submission:s:k")).toBe(1);
    await expect(r.get(forged)).rejects.toThrow(/NOPERM/);
  });

  it("lets reporting count its API's calls without a token per address (service-kit hitWindow), and write nothing else", async () => {
    const r = await redisAs("reporting");
    expect(await hitWindow(r, "api-anon:203.0.113.9", 60)).toEqual({ count: 1, retryAfterS: 60 });
    expect((await hitWindow(r, "api-anon:203.0.113.9", 60)).count).toBe(2);
    await expect(r.incr(forged)).rejects.toThrow(/NOPERM/);
    await expect(r.set("api-anon:203.0.113.9", "0")).rejects.toThrow(/NOPERM/);
    await expect(r.get("captcha:someone-elses")).rejects.toThrow(/NOPERM/);
  });

  it("refuses a wrong password", async () => {
    // Plain RESP over a socket, so no client library decides what is sent first.
    const reply = await new Promise<string>((resolve, reject) => {
      const socket = connectTcp(redisPort, "127.0.0.1", () => socket.write("AUTH identity wrong-password\r\nGET session:x\r\n"));
      let text = "";
      socket.on("data", (d) => {
        text += d.toString();
        if (text.split("\r\n").length > 2) socket.end(() => resolve(text));
      });
      socket.on("error", reject);
    });
    expect(reply).toMatch(/^-WRONGPASS.*\r\n-NOAUTH/s);
  });

  it("lets identity write a session that hours reads and slides, but not FLUSHALL", async () => {
    const identity = await redisAs("identity");
    const hours = await redisAs("hours");
    // Sign-in writes the session and the account's session index in one transaction.
    await identity.multi().set(forged, principal, "EX", 60).sadd("account-sessions:a", forged).exec();
    expect(await hours.get(forged)).toBe(principal);
    expect(await hours.expire(forged, 120)).toBe(1);
    await expect(hours.get("captcha:someone-elses")).rejects.toThrow(/NOPERM/);
    await expect(identity.flushall()).rejects.toThrow(/NOPERM/);
  });
});

describe("NATS with a user per service", () => {
  it("refuses a connection without a user or with a wrong password", async () => {
    await expect(connect({ servers: `127.0.0.1:${natsPort}`, timeout: 3000, reconnect: false })).rejects.toThrow(/authorization/i);
    await expect(connect({ servers: `127.0.0.1:${natsPort}`, user: "hours", pass: "wrong", timeout: 3000, reconnect: false })).rejects.toThrow(
      /authorization/i,
    );
  });

  it("lets each service do its work: identity publishes, hours and reporting consume and ack", async () => {
    const identity = await natsAs("identity");
    await ensureStream(identity.jsm, naming, "CE_IDENTITY");
    const hours = await natsAs("hours");
    await ensureStream(hours.jsm, naming, "CE_HOURS");
    await identity.js.publish(naming.subject("ce.identity.unit.created.v1"), "{}", { msgID: "m1" });
    await hours.js.publish(naming.subject("ce.hours.declaration.submitted.v1"), "{}", { msgID: "m2" });

    for (const [user, stream] of [
      ["hours", "CE_IDENTITY"],
      ["reporting", "CE_IDENTITY"],
      ["reporting", "CE_HOURS"],
    ] as const) {
      const n = user === "hours" ? hours : await natsAs(user);
      const durable = naming.consumer(user, stream);
      await n.jsm.consumers.add(naming.stream(stream), { durable_name: durable, ack_policy: AckPolicy.Explicit, deliver_policy: DeliverPolicy.All });
      // What startConsumer does on a restart: info, then update of its own consumer.
      await n.jsm.consumers.info(naming.stream(stream), durable);
      await n.jsm.consumers.update(naming.stream(stream), durable, { ack_wait: 30_000_000_000, max_deliver: 5 });
      const consumer = await n.js.consumers.get(naming.stream(stream), durable);
      const msg = await consumer.next({ expires: 3000 });
      expect(msg?.subject, `${user} reads ${stream}`).toMatch(/^ce\./);
      expect(await msg?.ackAck(), `${user} acks on ${stream}`).toBe(true);
    }
  });

  it("lets hours keep attachments in its own bucket", async () => {
    const hours = await natsAs("hours");
    const bucket = await new Objm(hours.js).create(naming.bucket("attachments"));
    await bucket.putBlob({ name: "a.pdf" }, new Uint8Array([1, 2, 3]));
    expect(Array.from((await bucket.getBlob("a.pdf")) ?? [])).toEqual([1, 2, 3]);
  });

  it.each([
    { user: "hours", subject: "ce.identity.unit.created.v1", owner: "identity", delivered: false },
    { user: "reporting", subject: "ce.hours.declaration.submitted.v1", owner: "hours", delivered: false },
    { user: "identity", subject: "ce.hours.record.created.v1", owner: "hours", delivered: false },
    { user: "reporting", subject: "ce.reporting.anything.v1", owner: "nobody", delivered: false },
    // The control: the owner's own publish does arrive.
    { user: "identity", subject: "ce.identity.unit.updated.v1", owner: "identity", delivered: true },
  ])("$user publishing $subject (owner: $owner) arrives: $delivered", async ({ user, subject, delivered }) => {
    const watcher = await natsAs("test");
    const seen: string[] = [];
    const sub = watcher.nc.subscribe(subject, { callback: (_e, m) => void seen.push(m.subject) });
    await watcher.nc.flush();
    const n = await natsAs(user);
    n.nc.publish(subject, "forged");
    await n.nc.flush();
    await new Promise((r) => setTimeout(r, 300));
    sub.unsubscribe();
    expect(seen).toEqual(delivered ? [subject] : []);
  });

  it.each([
    { user: "hours", subject: "ce.identity.>" },
    { user: "reporting", subject: "$O.attachments.>" },
    { user: "identity", subject: "_INBOX_hours.>" },
  ])("refuses $user subscribing to $subject (it does not own it)", async ({ user, subject }) => {
    const n = await natsAs(user);
    const sub = n.nc.subscribe(subject);
    await n.nc.flush().catch(() => undefined);
    // A refused subscription ends with a permissions error.
    await expect(
      (async () => {
        for await (const _ of sub) return "message";
      })(),
    ).rejects.toThrow(/permission/i);
  });

  // A stolen service credential must not reach a sibling's consumer: pulling and acking it would
  // swallow the sibling's events, an update could change its filter, a delete resets it.
  it.each([
    { thief: "hours", victim: "reporting", stream: "CE_IDENTITY" },
    { thief: "reporting", victim: "hours", stream: "CE_IDENTITY" },
    { thief: "reporting", victim: "someone-new", stream: "CE_HOURS" },
  ] as const)("refuses $thief every consumer API on $victim's consumer of $stream", async ({ thief, victim, stream }) => {
    const owner = await natsAs(stream === "CE_IDENTITY" ? "identity" : "hours");
    await ensureStream(owner.jsm, naming, stream);
    const durable = naming.consumer(victim, stream);
    const broad = await natsAs("test");
    await broad.jsm.consumers.add(naming.stream(stream), { durable_name: durable, ack_policy: AckPolicy.Explicit, deliver_policy: DeliverPolicy.All });
    const n = await natsAs(thief);
    const s = naming.stream(stream);
    const refusals: Array<[string, () => Promise<unknown>]> = [
      ["info", () => n.jsm.consumers.info(s, durable)],
      ["update", () => n.jsm.consumers.update(s, durable, { max_deliver: 1 })],
      ["delete", () => n.jsm.consumers.delete(s, durable)],
      ["list", () => n.jsm.consumers.list(s).next()],
      ["add under another name", () => n.jsm.consumers.add(s, { durable_name: `${durable}_2`, ack_policy: AckPolicy.Explicit })],
      ["pull next", () => n.nc.request(`$JS.API.CONSUMER.MSG.NEXT.${s}.${durable}`, JSON.stringify({ batch: 1, no_wait: true }), { timeout: 2000 })],
    ];
    for (const [what, call] of refusals) await expect(call(), `${thief} ${what}`).rejects.toThrow(/permission|timeout|no responders/i);
    expect((await broad.jsm.consumers.info(s, durable)).config.durable_name, "the victim's consumer is intact").toBe(durable);
    await broad.jsm.consumers.delete(s, durable);
  });

  it("refuses hours the JetStream API of a stream it only consumes (no deleting CE_IDENTITY)", async () => {
    const hours = await natsAs("hours");
    await expect(hours.jsm.streams.delete(naming.stream("CE_IDENTITY"))).rejects.toThrow();
    const identity = await natsAs("identity");
    expect((await identity.jsm.streams.info(naming.stream("CE_IDENTITY"))).config.name).toBe("CE_IDENTITY");
  });
});

describe("the deployment files", () => {
  it.each([
    { file: "deploy/nats/nats.conf", indent: "" },
    { file: "deploy/k8s/nats.yaml", indent: "    " },
  ])("$file grants the NATS users exactly what the local set-up does", async ({ file, indent }) => {
    const { natsAuthorizationTemplate } = await credentials();
    expect(await readFile(path.join(repo, file), "utf8")).toContain(natsAuthorizationTemplate(indent));
  });

  // start.sh launches every process from one shell: a credential exported there would sit in
  // every service's environment, so stealing hours' would hand over identity's and the PII keys.
  it("load_secrets keeps every generated credential out of the environment of the processes started after it", async () => {
    const all = JSON.parse(await readFile(path.join(dir, "secrets/secrets.json"), "utf8")) as Record<string, unknown>;
    // Nested to any depth (serviceKeys.portal.privateKey): every string is a generated value.
    const strings = (v: unknown): string[] => (typeof v === "string" ? [v] : Object.values(v as Record<string, unknown>).flatMap(strings));
    const values = strings(all);
    const script = `source deploy/local/lib.sh && load_secrets ${JSON.stringify(path.join(dir, "secrets/env"))} && echo "own:\${CE_REDIS_URL_HOURS:+set}" && env`;
    const out = await new Promise<string>((resolve, reject) => {
      const p = spawn("bash", ["-c", script], { cwd: repo, stdio: ["ignore", "pipe", "inherit"] });
      let text = "";
      p.stdout.on("data", (d) => (text += d.toString()));
      p.on("exit", (code) => (code === 0 ? resolve(text) : reject(new Error(`bash exited with ${code}`))));
    });
    expect(out, "the shell itself can still hand a service its own").toContain("own:set");
    expect(values.length).toBeGreaterThanOrEqual(12);
    for (const v of values) expect(out.includes(v), `a generated secret reached a child's environment (${v.slice(0, 4)}…)`).toBe(false);
    expect(out).not.toMatch(/^CE_/m);
  });

  it("start.sh loads the credentials through load_secrets only", async () => {
    for (const file of ["deploy/local/start.sh"]) {
      const text = await readFile(path.join(repo, file), "utf8");
      expect(text, file).toContain("load_secrets .run/secrets/env");
      expect(text, file).not.toMatch(/^\s*(source|\.)\s+\.run\/secrets\/env/m);
    }
  });

  it.each(["identity", "hours", "reporting"])("compose gives the Redis user %s the local rules", async (user) => {
    const { redisRules } = await credentials();
    const compose = await readFile(path.join(repo, "deploy/compose.yaml"), "utf8");
    const words = [...compose.matchAll(/^ {6}- "(.*)"$/gm)].map((m) => m[1]);
    const at = words.indexOf(user);
    const rules = redisRules[user]?.split(" ") ?? [];
    expect(words.slice(at - 1, at + 3 + rules.length)).toEqual(["--user", user, "on", expect.stringMatching(/^>\$\{REDIS_PASSWORD_/), ...rules]);
  });
});
