import { z } from "zod";

/** A command that only reports it was done ({ ok: true }). */
export const Ack = z.object({ ok: z.literal(true) });
export type Ack = z.infer<typeof Ack>;

/** A command that answers nothing: the procedure's output is `undefined`. */
export const NoContent = z.void();

/** A command that created one row and answers its id (a UUID). */
export const CreatedId = z.object({ id: z.uuid() });
export type CreatedId = z.infer<typeof CreatedId>;
