import { z } from "zod";

type AnySchema = z.ZodType & { clone(def?: unknown): z.ZodType; _zod: { def: Record<string, unknown> & { type: string } } };

/**
 * A copy of an input schema that trpc-to-openapi may change: its HTTP handler turns on `coerce`
 * in the definitions of an input object's number / boolean / date / bigint fields (in place, at
 * the first request), which would make the same contracts schema the portal's tRPC procedures use
 * read "false" as true and null as 0. Every object, wrapper (optional, nullable, default, prefault),
 * array and coercible field on those paths gets a definition of its own; checks, refinements and
 * messages are kept (they live in the copied definitions). Other schemas are shared unchanged.
 * Every object of the copy is strict: a field the operation does not take is refused (400 naming
 * it, api-tokens/procedure.ts) rather than ignored — `{"unitId":…}` where the filter is
 * `employerId` must not answer the whole scope.
 */
export function isolateInputSchema<T extends z.ZodType>(schema: T): T {
  return copy(schema as unknown as AnySchema) as unknown as T;
}

function copy(s: AnySchema): AnySchema {
  const def = s._zod.def;
  switch (def.type) {
    case "object": {
      const shape = def.shape as Record<string, AnySchema>;
      return s.clone({ ...def, catchall: z.never(), shape: Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, copy(v)])) }) as AnySchema;
    }
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
      return s.clone({ ...def, innerType: copy(def.innerType as AnySchema) }) as AnySchema;
    case "array":
      return s.clone({ ...def, element: copy(def.element as AnySchema) }) as AnySchema;
    case "pipe":
      return s.clone({ ...def, in: copy(def.in as AnySchema), out: copy(def.out as AnySchema) }) as AnySchema;
    case "number":
    case "boolean":
    case "bigint":
    case "date":
      return s.clone({ ...def }) as AnySchema;
    default:
      return s;
  }
}
