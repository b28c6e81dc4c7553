import { ConfigError } from "@ce/service-kit";
import { startReporting } from "./app.ts";
import { loadConfig } from "./config.ts";

try {
  const app = await startReporting(loadConfig());
  app.infra.lifecycle.handleSignals();
} catch (err) {
  console.error(err instanceof ConfigError ? `reporting: ${err.message}` : err);
  process.exit(1);
}
