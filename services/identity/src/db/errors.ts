/**
 * Whether a Prisma error is a unique-constraint violation (P2002), optionally of one named index.
 * Through adapter-pg the index name is in meta.driverAdapterError.cause.constraint.index.
 */
function isUniqueViolation(e: unknown, indexName?: string): boolean {
  const err = e as { code?: string; meta?: { driverAdapterError?: { cause?: { constraint?: { index?: string } } } } };
  if (err?.code !== "P2002") return false;
  return indexName === undefined || err.meta?.driverAdapterError?.cause?.constraint?.index === indexName;
}

/**
 * Runs a write and tells which of the named unique indexes it found taken (nothing was written;
 * in a transaction, the transaction can only roll back), or null when it succeeded. Any other
 * error, another index's violation included, is rethrown.
 */
export async function takenIndex<I extends string>(write: () => Promise<unknown>, ...indexNames: [I, ...I[]]): Promise<I | null> {
  try {
    await write();
    return null;
  } catch (e) {
    const taken = indexNames.find((name) => isUniqueViolation(e, name));
    if (taken === undefined) throw e;
    return taken;
  }
}
