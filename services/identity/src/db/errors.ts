/**
 * Whether a Prisma error is a unique-constraint violation (P2002), optionally of one named index.
 * Through adapter-pg the index name is in meta.driverAdapterError.cause.constraint.index.
 */
export function isUniqueViolation(e: unknown, indexName?: string): boolean {
  const err = e as { code?: string; meta?: { driverAdapterError?: { cause?: { constraint?: { index?: string } } } } };
  if (err?.code !== "P2002") return false;
  return indexName === undefined || err.meta?.driverAdapterError?.cause?.constraint?.index === indexName;
}
