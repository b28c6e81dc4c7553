// The HTTP API's OpenAPI document (issue 11 item 2): generated from the API router's zod schemas,
// committed at docs/openapi/reporting.json (regenerate: UPDATE_OPENAPI=1 npx vitest run test/openapi.test.ts),
// valid OpenAPI 3.1 by a maintained validator, and exactly the routes /api/v1 serves: the JSON
// operations and the streamed files, as createApiRoutes hands them to app.ts's handler.
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import SwaggerParser from "@apidevtools/swagger-parser";
import { apiTokenPermissions } from "@ce/contracts";
import type { OpenAPIObject } from "trpc-to-openapi";
import { describe, expect, it } from "vitest";
import { API_BASE_PATH, apiDocument, apiDocumentText, routerOperations } from "../src/api-tokens/http.ts";
import type { ReportingDeps } from "../src/deps.ts";
import { createApiRoutes } from "../src/routers/api.ts";

const DOC_PATH = fileURLToPath(new URL("../../../docs/openapi/reporting.json", import.meta.url));
// Generating the document runs no procedure: the router only closes over its deps.
const { router, streams } = createApiRoutes({} as ReportingDeps);
const doc = apiDocument(router, streams);
// The text GET /api/v1/openapi.json serves (api-gate.test.ts checks the served bytes equal the committed file).
const text = apiDocumentText(router, streams);

type Operation = { security?: Array<Record<string, string[]>>; requestBody?: unknown };
const operations = (d: OpenAPIObject) =>
  Object.entries(d.paths ?? {}).flatMap(([path, item]) =>
    Object.entries(item as Record<string, Operation>).map(([method, op]) => ({ path, method: method.toUpperCase(), op })),
  );

describe("docs/openapi/reporting.json", () => {
  it("is the document the API router generates (UPDATE_OPENAPI=1 rewrites it)", () => {
    if (process.env.UPDATE_OPENAPI === "1") writeFileSync(DOC_PATH, text);
    expect(readFileSync(DOC_PATH, "utf8"), "stale: run UPDATE_OPENAPI=1 npx vitest run test/openapi.test.ts in services/reporting").toBe(text);
  });

  it("is a valid OpenAPI 3.1 document (@apidevtools/swagger-parser)", async () => {
    const committed = JSON.parse(readFileSync(DOC_PATH, "utf8"));
    expect(committed.openapi).toMatch(/^3\.1\./);
    await expect(SwaggerParser.validate(committed)).resolves.toBeTruthy();
    expect(committed.servers).toEqual([{ url: API_BASE_PATH }]);
  });

  it("describes exactly the routes /api/v1 serves, one per token permission, each behind the bearer token", () => {
    // The served list is what app.ts mounts (createApiRoutes → apiHttpHandler): the router's operations and the streams.
    const served = [...routerOperations(router), ...streams.map((st) => ({ method: st.method, path: st.path, name: st.permission }))];
    const described = operations(JSON.parse(readFileSync(DOC_PATH, "utf8")) as OpenAPIObject);
    expect(described.map(({ path, method }) => `${method} ${path}`).sort()).toEqual(served.map(({ path, method }) => `${method} ${path}`).sort());
    expect(served.map((s) => s.name).sort()).toEqual(apiTokenPermissions.map((p) => p.code).sort());
    for (const { method, op } of described) {
      expect(op.security).toEqual([{ bearerAuth: [] }]);
      if (method === "POST") expect(op.requestBody).toBeTruthy();
    }
    expect(described.map((d) => d.path)).toContain("/extracts/person-year");
    expect(doc.components?.securitySchemes).toEqual({ bearerAuth: expect.objectContaining({ type: "http", scheme: "bearer" }) });
  });
});
