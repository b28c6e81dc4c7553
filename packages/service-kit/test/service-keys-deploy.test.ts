// The service key pairs as `npm start`, compose and Kubernetes hand them out (ADR 009): each
// caller's private key reaches that caller only, every service gets the public keys, and what
// credentials.mjs generates is a pair service-kit accepts. No servers: files and a shell only.
import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseServicePublicKeys, signServiceAuth, verifyServiceAuth } from "../src/service-auth.ts";

const repo = fileURLToPath(new URL("../../../", import.meta.url));
const read = (file: string) => readFile(path.join(repo, file), "utf8");

interface Credentials {
  writeCredentials(
    secretsDir: string,
    dataDir: string,
    redisPort: number,
    natsPort: number,
  ): { serviceKeys: Record<string, { privateKey: string; publicKey: string }> };
  SERVICE_CALLERS: string[];
}
const credentials = () => import(path.join(repo, "deploy/local/credentials.mjs")) as Promise<Credentials>;

let dir: string;
let keys: Record<string, { privateKey: string; publicKey: string }>;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "ce-service-keys-"));
  keys = (await credentials()).writeCredentials(path.join(dir, "secrets"), path.join(dir, "data"), 16379, 14222).serviceKeys;
});
afterAll(() => rm(dir, { recursive: true, force: true }));

function bash(script: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const p = spawn("bash", ["-c", script], { cwd: repo, stdio: ["ignore", "pipe", "inherit"] });
    let text = "";
    p.stdout.on("data", (d) => (text += d.toString()));
    p.on("exit", (code) => (code === 0 ? resolve(text) : reject(new Error(`bash exited with ${code}`))));
  });
}

describe("npm start's service keys", () => {
  it("generates a pair per caller that the services' public key list accepts, and keeps it on a restart", async () => {
    const { SERVICE_CALLERS, writeCredentials } = await credentials();
    expect(SERVICE_CALLERS).toEqual(["portal", "seed"]);
    const env = await bash(
      `source deploy/local/lib.sh && load_secrets ${JSON.stringify(path.join(dir, "secrets/env"))} && echo "$CE_SERVICE_KEY_PORTAL" && echo "$CE_SERVICE_KEY_SEED" && echo "$CE_SERVICE_AUTH_PUBLIC_KEYS"`,
    );
    const [portalKey = "", seedKey = "", publicKeys = ""] = env.trim().split("\n");
    const listed = parseServicePublicKeys(publicKeys);
    for (const audience of ["identity", "hours", "reporting"]) {
      expect(verifyServiceAuth(signServiceAuth({ caller: "portal", audience, privateKey: portalKey }), { audience, keys: listed })).toBe("portal");
      expect(verifyServiceAuth(signServiceAuth({ caller: "seed", audience, privateKey: seedKey }), { audience, keys: listed })).toBe("seed");
      // One caller's key never signs as the other.
      expect(verifyServiceAuth(signServiceAuth({ caller: "portal", audience, privateKey: seedKey }), { audience, keys: listed })).toBeNull();
    }
    expect(writeCredentials(path.join(dir, "secrets"), path.join(dir, "data"), 16379, 14222).serviceKeys).toEqual(keys);
  });

  it("start.sh hands each caller's private key to that caller's command line only; the services get the public keys", async () => {
    const start = await read("deploy/local/start.sh");
    const lines = start.split("\n").filter((l) => l.includes("CE_SERVICE_KEY_") && !l.trim().startsWith("#"));
    expect(lines).toHaveLength(2);
    expect(lines.filter((l) => l.includes("CE_SERVICE_KEY_PORTAL"))).toEqual([
      expect.stringMatching(/SERVICE_AUTH_PRIVATE_KEY=\$CE_SERVICE_KEY_PORTAL .*launch portal /),
    ]);
    expect(lines.filter((l) => l.includes("CE_SERVICE_KEY_SEED"))).toEqual([
      expect.stringMatching(/SEED_SERVICE_KEY=\$CE_SERVICE_KEY_SEED npm run --silent seed:demo-hours/),
    ]);
    expect(start).toMatch(/svc_env\(\)[\s\S]*SERVICE_AUTH_PUBLIC_KEYS=\$CE_SERVICE_AUTH_PUBLIC_KEYS/);
    expect(start).not.toMatch(/export\s+SERVICE_AUTH/);
  });
});

describe("the deployment files' service keys", () => {
  const services = ["identity", "hours", "reporting"];

  it("no deployment file mentions the old shared secret", async () => {
    for (const file of [
      "deploy/compose.yaml",
      "deploy/local/start.sh",
      "deploy/k8s/secret.example.yaml",
      ...[...services, "portal"].map((s) => `deploy/k8s/${s}.yaml`),
    ]) {
      expect(await read(file), file).not.toMatch(/SERVICE_AUTH_SECRET/);
    }
  });

  it.each(services)("Kubernetes gives %s the public keys and no private key", async (svc) => {
    const text = await read(`deploy/k8s/${svc}.yaml`);
    expect(text).toMatch(/- name: SERVICE_AUTH_PUBLIC_KEYS\n\s+valueFrom: \{ secretKeyRef: \{ name: ce-secrets, key: SERVICE_AUTH_PUBLIC_KEYS \} \}/);
    expect(text).not.toMatch(/PRIVATE_KEY/);
  });

  it("Kubernetes gives the portal its private key, and the Secret template holds both", async () => {
    expect(await read("deploy/k8s/portal.yaml")).toMatch(
      /- name: SERVICE_AUTH_PRIVATE_KEY\n\s+valueFrom: \{ secretKeyRef: \{ name: ce-secrets, key: SERVICE_AUTH_PRIVATE_KEY_PORTAL \} \}/,
    );
    const secret = await read("deploy/k8s/secret.example.yaml");
    expect(secret).toMatch(/^ {2}SERVICE_AUTH_PRIVATE_KEY_PORTAL: /m);
    expect(secret).toMatch(/^ {2}SERVICE_AUTH_PUBLIC_KEYS: portal:/m);
  });

  it("compose gives every service the public keys and the portal alone the private key", async () => {
    const compose = await read("deploy/compose.yaml");
    const serviceEnv = compose.slice(compose.indexOf("x-service-env:"), compose.indexOf("x-readyz:"));
    expect(serviceEnv).toMatch(/^ {2}SERVICE_AUTH_PUBLIC_KEYS: \$\{SERVICE_AUTH_PUBLIC_KEYS:\?/m);
    const uses = [...compose.matchAll(/^ +SERVICE_AUTH_PRIVATE_KEY: \$\{SERVICE_AUTH_PRIVATE_KEY_PORTAL:\?/gm)];
    expect(uses).toHaveLength(1);
    // Each service's block: from its "  name:" line to the next line indented two spaces.
    const block = (name: string) => compose.slice(compose.indexOf(`\n  ${name}:\n`)).split(/\n {2}(?=\S)/)[1] ?? "";
    expect(block("portal")).toContain("SERVICE_AUTH_PRIVATE_KEY: ${SERVICE_AUTH_PRIVATE_KEY_PORTAL");
    for (const svc of [...services, "seed", "migrate"]) {
      expect(block(svc).length, svc).toBeGreaterThan(50);
      expect(block(svc), svc).not.toContain("PRIVATE_KEY");
    }
  });
});
