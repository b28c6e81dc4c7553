import { ConfigError } from "@ce/service-kit";
import { startIdentity } from "./app.ts";
import { type Config, loadConfig } from "./config.ts";

let config: Config;
try {
  config = loadConfig();
} catch (e) {
  if (!(e instanceof ConfigError)) throw e;
  console.error(`identity: ${e.message}`);
  process.exit(1);
}

const app = await startIdentity(config);
app.infra.lifecycle.handleSignals();
