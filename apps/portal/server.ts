// The portal's production server: Express serving the Vite build and the Remix request handler.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import express from "express";

// Configuration first: a bad variable stops the server with a message naming it, not a stack.
const { env } = await import("./app/utils/env.server.ts").catch((err: Error) => {
  console.error(`portal: ${err.message}`);
  process.exit(1);
});
const { requestIdFrom } = await import("./app/utils/api.server.ts");

const buildDir = fileURLToPath(new URL("./build/", import.meta.url));
const serverBuild = `${buildDir}server/index.js`;
if (!existsSync(serverBuild)) {
  console.error(`portal: ${serverBuild} is missing; run \`npm run build\` in apps/portal first`);
  process.exit(1);
}
const build = (await import(serverBuild)) as ServerBuild;

const app = express();
app.disable("x-powered-by");
// req.ip is the browser's address as forwarded by the proxies we trust (TRUST_PROXY).
app.set("trust proxy", env.TRUST_PROXY);

// Vite fingerprints everything under /assets, so it may be cached for good.
app.use("/assets", express.static(`${buildDir}client/assets`, { immutable: true, maxAge: "1y", index: false }));
app.use(express.static(`${buildDir}client`, { maxAge: "1h", index: false }));

app.get("/healthz", (_req, res) => {
  res.json({ status: "ok" });
});

app.all(
  "*",
  createRequestHandler({
    build,
    // Always "production": errors reach the browser without their stack, in every environment.
    mode: "production",
    getLoadContext: (req) => ({ clientIp: req.ip, requestId: requestIdFrom(req.get("x-request-id")) }),
  })
);

const server = app.listen(env.PORT, env.HOST, () => {
  console.log(`portal listening on http://${env.HOST}:${env.PORT}${env.SUBJECT_PREFIX ? ` (prefix ${env.SUBJECT_PREFIX})` : ""}`);
});

let stopping = false;
function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`portal: ${signal} received, closing`);
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  // Requests still running after this long are cut off.
  setTimeout(() => process.exit(0), 10_000).unref();
}
process.on("SIGTERM", () => shutdown("SIGTERM"));
process.on("SIGINT", () => shutdown("SIGINT"));
