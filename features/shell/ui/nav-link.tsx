"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import { cx } from "@/components/ui/class-names";

/**
 * A menu link that marks itself current; the only reason it runs on the client is the path.
 * `deeper` are other menu links below this one (Registri → Impor data): on those pages
 * they are current instead.
 */
export function NavLink({ href, exact, deeper = [], children }: { href: string; exact: boolean; deeper?: readonly string[]; children: ReactNode }) {
  const pathname = usePathname();
  const within = (base: string) => pathname === base || pathname.startsWith(`${base}/`);
  const current = exact ? pathname === href : within(href) && !deeper.some(within);
  return (
    <Link
      href={href}
      aria-current={current ? "page" : undefined}
      className={cx(
        "inline-flex min-h-11 items-center border-b-3 px-3 text-sm font-medium whitespace-nowrap transition-colors",
        current ? "border-brand-700 text-brand-800" : "border-transparent text-muted hover:border-brand-200 hover:text-brand-800",
      )}
    >
      {children}
    </Link>
  );
}
