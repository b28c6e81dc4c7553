import { TRPCClientError } from "@trpc/client";

/** How a call ended as its caller sees it: `{ code: "OK" }` when it answered, else the refusal. */
export type Refusal = { code: "OK" } | { code: string | undefined; message: string; fieldErrors: Record<string, string[]> | null };

/**
 * How the call `p` was refused: its tRPC code, its (Chinese) message and the field errors the
 * portal shows beside each field (null when none); `{ code: "OK" }` when it answered. Rethrows
 * anything that is not a tRPC client error.
 */
export async function refusal(p: Promise<unknown>): Promise<Refusal> {
  try {
    await p;
    return { code: "OK" };
  } catch (e) {
    if (!(e instanceof TRPCClientError)) throw e;
    const data = e.data as { code?: string; fieldErrors?: Record<string, string[]> | null } | undefined;
    return { code: data?.code, message: e.message, fieldErrors: data?.fieldErrors ?? null };
  }
}
