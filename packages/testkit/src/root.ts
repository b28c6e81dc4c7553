import { existsSync } from "node:fs";
import path from "node:path";

export function repoRoot(start: string): string {
  for (let dir = start; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, "turbo.json"))) return dir;
  }
  return start;
}
