import { ConfigError } from "@ce/service-kit";
import { startHours } from "./app.ts";
import { loadConfig } from "./config.ts";

try {
  const app = await startHours(loadConfig());
  app.infra.lifecycle.handleSignals();
} catch (err) {
  console.error(err instanceof ConfigError ? `hours: ${err.message}` : err);
  process.exit(1);
}
