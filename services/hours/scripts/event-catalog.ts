// Writes docs/events/asyncapi.json: every event in @ce/contracts (identity + hours) as an
// AsyncAPI 2.6 document, payloads from the zod schemas. Run: `npm run docs:events` in services/hours.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type EventDefinition, EventEnvelope, hoursEvents, identityEvents } from "@ce/contracts";
import { repoRootOf } from "@ce/testkit";
import { z } from "zod";

const all: EventDefinition[] = [...Object.values(identityEvents), ...Object.values(hoursEvents)];

const messageName = (type: string) =>
  type
    .replace(/^ce\./, "")
    .replace(/\.v(\d+)$/, "V$1")
    .replace(/\.(\w)/g, (_, c: string) => c.toUpperCase());

/** The AsyncAPI document as a plain object (stable key order, so the file diffs cleanly). */
export function buildCatalog() {
  const envelope = z.toJSONSchema(EventEnvelope.omit({ data: true }), { target: "draft-07" }) as { properties: Record<string, unknown>; required: string[] };
  const channels: Record<string, unknown> = {};
  const messages: Record<string, unknown> = {};
  for (const def of all) {
    const name = messageName(def.type);
    channels[def.type] = {
      description: `Stream ${def.stream}. With a subject prefix P the subject is "P.${def.type}" and the stream "P_${def.stream}".`,
      subscribe: { operationId: `on${name[0]!.toUpperCase()}${name.slice(1)}`, message: { $ref: `#/components/messages/${name}` } },
    };
    const data = z.toJSONSchema(def.data, { target: "draft-07", io: "output" }) as Record<string, unknown>;
    delete data.$schema;
    messages[name] = {
      name: def.type,
      contentType: "application/json",
      headers: {
        type: "object",
        properties: {
          "Nats-Msg-Id": { type: "string", description: "equals the envelope id; duplicates are dropped" },
          "Ce-Type": { type: "string", const: def.type },
        },
      },
      payload: {
        type: "object",
        properties: { ...envelope.properties, type: { type: "string", const: def.type }, data },
        required: [...envelope.required, "data"],
      },
    };
  }
  return {
    asyncapi: "2.6.0",
    info: {
      title: "专业技术人员继续教育公共服务平台 events",
      version: "1.0.0",
      description:
        "Versioned events on NATS JetStream, published through each service's transactional outbox (at-least-once; deduplicate by envelope id). Generated from packages/contracts by services/hours `npm run docs:events`; do not edit by hand.",
    },
    defaultContentType: "application/json",
    channels,
    components: { messages },
  };
}

export const catalogPath = path.join(repoRootOf(path.dirname(fileURLToPath(import.meta.url))), "docs/events/asyncapi.json");
export const renderCatalog = () => `${JSON.stringify(buildCatalog(), null, 2)}\n`;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(catalogPath, renderCatalog());
  console.log(`wrote ${catalogPath} (${all.length} events)`);
}
