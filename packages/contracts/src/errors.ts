/**
 * A rule broken in the domain, with a message for people (Chinese) and, where it concerns one
 * input, the field it names. Routers turn it into the matching tRPC error; the domain layer
 * never imports a transport.
 */
export type DomainErrorKind = "BAD_REQUEST" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_FOUND" | "CONFLICT" | "PRECONDITION_FAILED" | "TOO_MANY_REQUESTS";

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = "DomainError";
  }
}
