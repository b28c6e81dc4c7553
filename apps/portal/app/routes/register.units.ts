import { SearchUnitsInput, UnitKind } from "@ce/contracts";
import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { createApi } from "../utils/api.server.ts";
import { classifyError } from "../utils/errors.server.ts";
import { resourceLoader } from "../utils/resource.server.ts";

// The registration forms' unit picker: approved units by part of the name (names and ids only).
export const loader = resourceLoader(async ({ request, context }: LoaderFunctionArgs) => {
  const params = new URL(request.url).searchParams;
  const kinds = (params.get("kinds") ?? "").split(",").filter((k) => UnitKind.safeParse(k).success) as UnitKind[];
  // A typed name the schema refuses (a NUL, a bidi override) is the typist's error: 400 with the
  // schema's Chinese message, never a 500 from this public endpoint.
  const parsed = SearchUnitsInput.safeParse({ name: (params.get("name") ?? "").slice(0, 50), ...(kinds.length ? { kinds } : {}) });
  if (!parsed.success) return data({ units: [], message: parsed.error.issues[0]?.message ?? "单位名称格式不正确" }, { status: 400 });
  const input = parsed.data;
  try {
    return data(
      { units: await createApi(request, context, null).identity.registration.searchUnits.query(input) },
      { headers: { "Cache-Control": "no-store" } },
    );
  } catch (error) {
    return data({ units: [], message: classifyError(error).message }, { status: 503 });
  }
});
