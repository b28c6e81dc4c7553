import { useLocation, useRouteLoaderData } from "@remix-run/react";
import { useEffect, useState } from "react";
import type { Flash } from "../utils/flash.server.ts";
import { Notice } from "./Notice.tsx";

/**
 * The message an action left before redirecting (flash.server.ts), shown once at the top of the
 * page it led to. The root loader hands it over; it stays out of sight once the person moves on,
 * even though the root's data is not reloaded by a plain link.
 */
export function FlashNotice() {
  const flash = useRouteLoaderData<{ flash?: Flash | null }>("root")?.flash ?? null;
  const { key } = useLocation();
  // Where each flash was first shown; a later location no longer shows it.
  const [shownAt, setShownAt] = useState<{ id: string; key: string } | null>(null);
  useEffect(() => {
    if (flash && shownAt?.id !== flash.id) setShownAt({ id: flash.id, key });
  }, [flash, key, shownAt]);
  if (!flash || (shownAt?.id === flash.id && shownAt.key !== key)) return null;
  return (
    <div className="mb-4">
      <Notice tone={flash.tone}>{flash.message}</Notice>
    </div>
  );
}
