// Local credentials for the credentialed Redis and NATS that `npm start` and `npm test` run:
// generated once into a secrets directory (mode 600), then reused, so sessions and data survive
// a restart. Writes redis.conf (ACL users), nats.conf (users with per-service subject
// permissions), the service key pairs (Ed25519, ADR 009) and env (shell assignments the scripts
// source). See docs/decisions/007.
//
//   node deploy/local/credentials.mjs <secrets-dir> <data-dir> <redis-port> <nats-port>
//   node deploy/local/credentials.mjs --nats-authorization [indent]   (for compose and Kubernetes)
//   node deploy/local/credentials.mjs --service-key <caller>          (a new key pair, as env lines)
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const SERVICES = ["identity", "hours", "reporting"];

/**
 * Who calls a service and so holds a service key pair (ADR 009): the portal, and `seed` — the
 * step of `npm start` that makes the demo hour records through the services (identity's
 * seed:demo-hours). A caller gets its private key on its own command line only (start.sh) and
 * its public key in the callee's SERVICE_AUTH_PUBLIC_KEYS.
 */
export const SERVICE_CALLERS = ["portal", "seed"];

/** A fresh Ed25519 key pair as base64 DER (PKCS#8 private, SPKI public), what service-kit reads. */
export function serviceKeyPair() {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  return {
    privateKey: privateKey.export({ format: "der", type: "pkcs8" }).toString("base64"),
    publicKey: publicKey.export({ format: "der", type: "spki" }).toString("base64"),
  };
}

/**
 * Redis ACL rules per user, over keys without prefix (what `npm start` runs). identity owns
 * every key (sessions, captchas, rate limits); hours and reporting only read a session and
 * slide its expiry, so they cannot forge one — reporting may also count, in a selector of its
 * own, the HTTP API's calls without a usable token per address (`api-anon:*`: INCR, EXPIRE, TTL
 * in MULTI; services/reporting/src/api-tokens/authenticate.ts), and nothing else. `test` is the broad user the test suites run
 * under (they prefix every key per test file). Rules from STACK.md: `+info` for ioredis's ready
 * check, `-@dangerous` so that `+@write` does not include FLUSHALL.
 */
export const redisRules = {
  identity: "~* -@all +@read +@write +@transaction +@connection -@dangerous +info",
  hours: "~session:* -@all +get +expire +ping +info +@connection",
  reporting: "~session:* -@all +get +expire +ping +info +@connection +multi +exec (~api-anon:* +incr +expire +ttl)",
  // The portal's form-submission outcomes (idempotency keys, apps/portal/app/utils/submission.server.ts).
  portal: "~submission:* -@all +get +set +del +ping +info +@connection",
  test: "~* -@all +@read +@write +@keyspace +@connection +@transaction +@scripting -@dangerous +info +keys",
};

/**
 * The JetStream API and ACK subjects a user needs for a stream it owns (create, publish, read),
 * with any consumer on it: object-store reads use ordered consumers with random names.
 */
function ownStream(stream) {
  return [
    `$JS.API.STREAM.*.${stream}`,
    `$JS.API.STREAM.MSG.*.${stream}`,
    `$JS.API.DIRECT.GET.${stream}`,
    `$JS.API.DIRECT.GET.${stream}.>`,
    `$JS.API.STREAM.INFO.${stream}`,
    `$JS.API.CONSUMER.*.${stream}`,
    `$JS.API.CONSUMER.*.${stream}.>`,
    `$JS.API.CONSUMER.DURABLE.CREATE.${stream}.>`,
    `$JS.API.CONSUMER.MSG.NEXT.${stream}.>`,
    `$JS.ACK.${stream}.>`,
  ];
}

/**
 * What `service` needs to consume another service's stream through its own durable consumer
 * (`<service>_<stream>`, contracts' naming.consumer): create/update and info of that consumer,
 * next and ack on it — nothing on any other consumer of the stream, so one service's stolen
 * credential cannot pull and ack (swallow), reconfigure or delete a sibling's consumer.
 */
function consumedStream(stream, service) {
  const durable = `${service}_${stream}`;
  return [
    `$JS.API.STREAM.INFO.${stream}`,
    `$JS.API.CONSUMER.CREATE.${stream}.${durable}`,
    `$JS.API.CONSUMER.CREATE.${stream}.${durable}.>`,
    `$JS.API.CONSUMER.DURABLE.CREATE.${stream}.${durable}`,
    `$JS.API.CONSUMER.INFO.${stream}.${durable}`,
    `$JS.API.CONSUMER.MSG.NEXT.${stream}.${durable}`,
    `$JS.ACK.${stream}.${durable}.>`,
  ];
}

/** An object-store bucket: its stream OBJ_<bucket> and its chunk/meta subjects $O.<bucket>.>. */
function bucket(name) {
  return [...ownStream(`OBJ_${name}`), `$O.${name}.>`];
}

/**
 * NATS permissions per service (subjects without prefix): each publishes only its own events
 * `ce.<svc>.>`, reaches the JetStream API only for the streams it owns or consumes, and gets
 * replies on an inbox prefix of its own (`_INBOX_<svc>.>`, set by service-kit's connectNats).
 */
export const natsPermissions = {
  identity: {
    // CE_HOURS: hours' audit entries for the one 操作日志 (ADR 015).
    publish: ["ce.identity.>", "$JS.API.INFO", ...ownStream("CE_IDENTITY"), ...consumedStream("CE_HOURS", "identity"), ...bucket("transfer-attachments")],
    subscribe: ["_INBOX_identity.>", "$O.transfer-attachments.>"],
  },
  hours: {
    publish: ["ce.hours.>", "$JS.API.INFO", ...ownStream("CE_HOURS"), ...consumedStream("CE_IDENTITY", "hours"), ...bucket("attachments")],
    subscribe: ["_INBOX_hours.>", "$O.attachments.>"],
  },
  reporting: {
    publish: [
      "$JS.API.INFO",
      ...consumedStream("CE_IDENTITY", "reporting"),
      ...consumedStream("CE_HOURS", "reporting"),
      // The read-model rebuild (services/reporting/src/rebuild): its own consumer per stream, deleted when done.
      ...["CE_IDENTITY", "CE_HOURS"].flatMap((s) => [...consumedStream(s, "reporting_rebuild"), `$JS.API.CONSUMER.DELETE.${s}.reporting_rebuild_${s}`]),
    ],
    subscribe: ["_INBOX_reporting.>"],
  },
  test: { publish: [">"], subscribe: [">"] },
};

const secret = () => randomBytes(24).toString("hex");
const key32 = () => randomBytes(32).toString("base64");

/** Reads the secrets file, adding any value that is missing (an upgrade keeps what exists). */
function loadSecrets(file) {
  const existing = existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : {};
  const wanted = {
    redis: Object.fromEntries([...SERVICES, "portal", "test"].map((u) => [u, existing.redis?.[u] ?? secret()])),
    nats: Object.fromEntries([...SERVICES, "test"].map((u) => [u, existing.nats?.[u] ?? secret()])),
    serviceKeys: Object.fromEntries(SERVICE_CALLERS.map((c) => [c, existing.serviceKeys?.[c] ?? serviceKeyPair()])),
    sessionSecret: existing.sessionSecret ?? secret(),
    piiEncryptionKey: existing.piiEncryptionKey ?? key32(),
    piiIndexKey: existing.piiIndexKey ?? key32(),
  };
  return wanted;
}

const quote = (s) => JSON.stringify(s);

function natsConf(secrets, dataDir, port) {
  const users = Object.entries(natsPermissions).map(
    ([user, p]) =>
      `    { user: ${quote(user)}, password: ${quote(secrets.nats[user])}, permissions: { publish: { allow: ${quote(p.publish)} }, subscribe: { allow: ${quote(p.subscribe)} } } }`,
  );
  return [
    `listen: "127.0.0.1:${port}"`,
    `jetstream { store_dir: ${quote(path.join(dataDir, "nats"))} }`,
    "authorization {",
    "  users: [",
    users.join(",\n"),
    "  ]",
    "}",
    "",
  ].join("\n");
}

/**
 * The `authorization` block for a deployment (compose, Kubernetes): the same users and
 * permissions as the local set-up, the services only, each password read by nats-server from
 * the environment variable NATS_PASSWORD_<SERVICE>. `indent` prefixes every line.
 */
export function natsAuthorizationTemplate(indent = "") {
  const users = SERVICES.map((user) => {
    const p = natsPermissions[user];
    return `    { user: ${quote(user)}, password: $NATS_PASSWORD_${user.toUpperCase()}, permissions: { publish: { allow: ${quote(p.publish)} }, subscribe: { allow: ${quote(p.subscribe)} } } }`;
  });
  return [
    "# Generated by `node deploy/local/credentials.mjs --nats-authorization`; a test checks it.",
    "authorization {",
    "  users: [",
    users.join(",\n"),
    "  ]",
    "}",
  ]
    .join("\n")
    .split("\n")
    .map((l) => `${indent}${l}`)
    .join("\n");
}

function redisConf(secrets, dataDir, port) {
  return [
    "bind 127.0.0.1",
    `port ${port}`,
    'save ""',
    "appendonly no",
    `dir ${dataDir}`,
    `logfile ${path.join(dataDir, "redis.log")}`,
    `pidfile ${path.join(dataDir, "redis.pid")}`,
    "daemonize yes",
    // Nobody gets in without a user and password.
    "user default off",
    ...Object.entries(redisRules).map(([user, rules]) => `user ${user} on >${secrets.redis[user]} resetkeys ${rules}`),
    "",
  ].join("\n");
}

function envFile(secrets, redisPort, natsPort) {
  const lines = {};
  for (const user of [...SERVICES, "test"]) {
    const u = user.toUpperCase();
    lines[`CE_REDIS_URL_${u}`] = `redis://${user}:${secrets.redis[user]}@127.0.0.1:${redisPort}`;
    lines[`CE_NATS_URL_${u}`] = `nats://${user}:${secrets.nats[user]}@127.0.0.1:${natsPort}`;
  }
  lines.CE_REDIS_URL_PORTAL = `redis://portal:${secrets.redis.portal}@127.0.0.1:${redisPort}`;
  // Each caller's private key for its own command line only; the public keys every service lists.
  for (const caller of SERVICE_CALLERS) lines[`CE_SERVICE_KEY_${caller.toUpperCase()}`] = secrets.serviceKeys[caller].privateKey;
  lines.CE_SERVICE_AUTH_PUBLIC_KEYS = SERVICE_CALLERS.map((c) => `${c}:${secrets.serviceKeys[c].publicKey}`).join(",");
  lines.CE_SESSION_SECRET = secrets.sessionSecret;
  lines.CE_PII_ENCRYPTION_KEY = secrets.piiEncryptionKey;
  lines.CE_PII_INDEX_KEY = secrets.piiIndexKey;
  lines.CE_REDIS_PORT = String(redisPort);
  lines.CE_NATS_PORT = String(natsPort);
  return `${Object.entries(lines)
    .map(([k, v]) => `export ${k}='${v}'`)
    .join("\n")}\n`;
}

function writePrivate(file, text) {
  writeFileSync(file, text, { mode: 0o600 });
  chmodSync(file, 0o600);
}

/**
 * Writes (or refreshes) secrets.json, redis.conf, nats.conf and env in `secretsDir`; server
 * data goes under `dataDir`. Returns the parsed env values.
 */
export function writeCredentials(secretsDir, dataDir, redisPort, natsPort) {
  mkdirSync(secretsDir, { recursive: true, mode: 0o700 });
  chmodSync(secretsDir, 0o700);
  mkdirSync(path.join(dataDir, "nats"), { recursive: true });
  const file = path.join(secretsDir, "secrets.json");
  const secrets = loadSecrets(file);
  writePrivate(file, `${JSON.stringify(secrets, null, 2)}\n`);
  writePrivate(path.join(secretsDir, "redis.conf"), redisConf(secrets, dataDir, redisPort));
  writePrivate(path.join(secretsDir, "nats.conf"), natsConf(secrets, dataDir, natsPort));
  writePrivate(path.join(secretsDir, "env"), envFile(secrets, redisPort, natsPort));
  return secrets;
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain && process.argv[2] === "--service-key") {
  const caller = process.argv[3] ?? "portal";
  const pair = serviceKeyPair();
  const own = `SERVICE_AUTH_PRIVATE_KEY_${caller.toUpperCase().replaceAll("-", "_")}`;
  console.log(
    `# ${caller}'s own environment only (its SERVICE_AUTH_PRIVATE_KEY):\n${own}=${pair.privateKey}\n# every service it calls (append while rotating, comma-separated):\nSERVICE_AUTH_PUBLIC_KEYS=${caller}:${pair.publicKey}`,
  );
} else if (isMain && process.argv[2] === "--nats-authorization") {
  console.log(natsAuthorizationTemplate(process.argv[3] ?? ""));
} else if (isMain) {
  const [secretsDir, dataDir, redisPort, natsPort] = process.argv.slice(2);
  if (!secretsDir || !dataDir || !redisPort || !natsPort) {
    console.error("usage: node credentials.mjs <secrets-dir> <data-dir> <redis-port> <nats-port>");
    process.exit(2);
  }
  writeCredentials(path.resolve(secretsDir), path.resolve(dataDir), Number(redisPort), Number(natsPort));
}
