import type { StreamName } from "./envelope.ts";

/**
 * Subject and stream names with an optional prefix, so that test runs sharing one NATS server
 * never see each other's messages. Prefix "t42" gives subjects "t42.ce.identity.…" and stream
 * "T42_CE_IDENTITY".
 */
export interface Naming {
  readonly prefix: string;
  subject(type: string): string;
  /** Wildcard covering every subject of one producing service, e.g. `ce.identity.>`. */
  serviceWildcard(service: "identity" | "hours" | "reporting"): string;
  stream(name: StreamName): string;
  consumer(consumer: string, stream: StreamName): string;
  bucket(name: string): string;
}

export function naming(prefix = ""): Naming {
  if (prefix && !/^[a-z0-9_-]+$/i.test(prefix)) {
    throw new Error(`subject prefix may hold only letters, digits, _ and -: "${prefix}"`);
  }
  const subjectPrefix = prefix ? `${prefix}.` : "";
  const upper = prefix ? `${prefix.toUpperCase().replace(/-/g, "_")}_` : "";
  return {
    prefix,
    subject: (type) => `${subjectPrefix}${type}`,
    serviceWildcard: (service) => `${subjectPrefix}ce.${service}.>`,
    stream: (name) => `${upper}${name}`,
    consumer: (consumer, stream) => `${upper}${consumer}_${stream}`,
    bucket: (name) => `${upper}${name}`.toLowerCase().replace(/_/g, "-"),
  };
}

/** Removes the prefix from a received subject, giving the event type. */
export function typeFromSubject(n: Naming, subject: string): string {
  return n.prefix && subject.startsWith(`${n.prefix}.`) ? subject.slice(n.prefix.length + 1) : subject;
}
