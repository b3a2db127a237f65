import type { ReactNode } from "react";

/** The page's main landmark; the skip link in the header targets it. */
export function MainContent({ children }: { children: ReactNode }) {
  return (
    <main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl px-4 py-6 outline-none sm:px-6 lg:py-8">
      {children}
    </main>
  );
}
