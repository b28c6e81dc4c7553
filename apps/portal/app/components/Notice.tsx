import type { ReactNode } from "react";

const tones = {
  info: "border-blue-200 bg-blue-50 text-blue-900",
  success: "border-green-200 bg-green-50 text-green-800",
  error: "border-red-200 bg-red-50 text-red-800",
  warning: "border-amber-300 bg-amber-50 text-amber-900",
} as const;

/** A plain message box; errors are announced to screen readers. */
export function Notice({ tone = "info", children }: { tone?: keyof typeof tones; children: ReactNode }) {
  return (
    <div role={tone === "error" ? "alert" : "status"} className={`rounded border px-4 py-3 text-sm ${tones[tone]}`}>
      {children}
    </div>
  );
}

/** A refused download's message on the page it came back to (utils/download-refusal.server.ts pageWithRefusal); nothing when none. */
export function DownloadRefusal({ refused }: { refused: string | null | undefined }) {
  return refused ? (
    <div className="mb-4">
      <Notice tone="error">{refused}</Notice>
    </div>
  ) : null;
}

/** What every page not built yet shows: no tables, no numbers. */
export function UnderConstruction() {
  return <Notice>该功能正在建设中，暂未开放。</Notice>;
}
