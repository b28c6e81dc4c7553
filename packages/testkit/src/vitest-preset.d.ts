import type { ViteUserConfig } from "vitest/config";

type TestConfig = NonNullable<ViteUserConfig["test"]>;

export declare function preset(opts: { name: string; include?: string[]; overrides?: TestConfig }): TestConfig;
