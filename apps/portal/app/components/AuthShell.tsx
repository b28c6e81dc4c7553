import type { ReactNode } from "react";
import { HOTLINE, PLATFORM_NAME } from "../utils/brand.ts";
import { FlashNotice } from "./FlashNotice.tsx";

/** The frame of the signed-out pages (login, password reset): banner with hotline, centred box (narrower margins on a phone, so a form row keeps room for its value). */
export function AuthShell({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col">
      <header className="bg-gradient-to-r from-blue-900 to-blue-700 text-white shadow">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-2 px-6 py-5">
          <h1 className="text-xl font-bold tracking-wide md:text-2xl">{PLATFORM_NAME}</h1>
          <p className="text-lg font-semibold">
            <span className="sr-only">服务热线 </span>
            {HOTLINE}
          </p>
        </div>
      </header>
      <main className="flex flex-1 items-start justify-center bg-gradient-to-b from-blue-50 to-slate-100 px-2 py-12 sm:px-4">
        <section aria-labelledby="auth-box-title" className="w-full max-w-md rounded-lg border border-blue-100 bg-white shadow-lg">
          <h2 id="auth-box-title" className="rounded-t-lg border-b border-blue-100 bg-blue-50 px-4 py-3 text-lg font-semibold text-blue-900 sm:px-6">
            {title}
          </h2>
          <div className="px-4 py-6 sm:px-6">
            <FlashNotice />
            {children}
          </div>
        </section>
      </main>
      <footer className="bg-blue-950 py-3 text-center text-xs text-blue-100">
        {PLATFORM_NAME} · 服务热线 {HOTLINE}
      </footer>
    </div>
  );
}
