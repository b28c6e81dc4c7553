// The identity service of import.bench.ts in a process of its own, so that the bench's figures of
// memory are the service's alone (its worker and outbox relay included), not the bench client's:
// boots identity over a fresh database (bootIdentity, env from IMPORT_BENCH_ENV as JSON), adds
// the 工作部门 the generated rows name, signs in the 济南 bureau's admin and sends the parent
// { url, token, tag }; on the message "stop" it cleans up and exits.
import { serviceClient } from "@ce/service-kit/testing";
import type { IdentityRouter } from "../src/routers/index.ts";
import { bootIdentity } from "../test/support/boot.ts";

const ip = "198.51.100.200";
const env = JSON.parse(process.env.IMPORT_BENCH_ENV ?? "{}") as Record<string, string>;
const sys = await bootIdentity("benchimport", { env });
const token = (await sys.login(sys.fixture.logins.jnBus, { ip })).token;
await serviceClient<IdentityRouter>(sys.app.url, token, ip).departments.create.mutate({ name: "办公室", sortOrder: 1 });
process.on("message", (m) => {
  if (m === "stop") void sys.cleanup().finally(() => process.exit(0));
});
process.send?.({ url: sys.app.url, token, ip, tag: sys.tag });
