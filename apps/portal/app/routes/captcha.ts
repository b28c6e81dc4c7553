import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { createApi } from "../utils/api.server.ts";
import { classifyError } from "../utils/errors.server.ts";
import { logError } from "../utils/log.server.ts";
import { resourceLoader } from "../utils/resource.server.ts";

// A fresh captcha for the 换一张 link (fetched by the Captcha component).
export const loader = resourceLoader(async ({ request, context }: LoaderFunctionArgs) => {
  try {
    const challenge = await createApi(request, context, null).identity.auth.captcha.query();
    return data({ challenge, message: null }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    const failure = classifyError(error);
    if (failure.kind === "unexpected" || failure.kind === "unavailable") logError("captcha failed", error);
    return data({ challenge: null, message: failure.message }, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
});
