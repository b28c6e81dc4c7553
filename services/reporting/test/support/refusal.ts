import { TRPCClientError } from "@trpc/client";

/**
 * How a call was refused: the tRPC code and the Chinese messages per field (a domain error's field,
 * or zod's field errors); null when it answered.
 */
export async function refusal(p: Promise<unknown>): Promise<{ code: string | undefined; fields: Record<string, string[] | undefined> } | null> {
  try {
    await p;
    return null;
  } catch (e) {
    if (!(e instanceof TRPCClientError)) throw e;
    const data = e.data as { code?: string; fieldErrors?: Record<string, string[] | undefined> | null } | undefined;
    return { code: data?.code, fields: data?.fieldErrors ?? {} };
  }
}
