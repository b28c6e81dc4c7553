import { SearchUnitsInput, UnitKind } from "@ce/contracts";
import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { createApi } from "../utils/api.server.ts";
import { classifyError } from "../utils/errors.server.ts";

// The registration forms' unit picker: approved units by part of the name (names and ids only).
export async function loader({ request, context }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams;
  const kinds = (params.get("kinds") ?? "").split(",").filter((k) => UnitKind.safeParse(k).success) as UnitKind[];
  const input = SearchUnitsInput.parse({ name: (params.get("name") ?? "").slice(0, 50), ...(kinds.length ? { kinds } : {}) });
  try {
    return data({ units: await createApi(request, context, null).identity.registration.searchUnits.query(input) }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return data({ units: [], message: classifyError(error).message }, { status: 503 });
  }
}
