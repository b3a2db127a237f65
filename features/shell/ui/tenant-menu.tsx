"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import { cx } from "@/components/ui/class-names";

export type MenuLink = { href: string; label: string; exact: boolean; deeper: string[] };
export type MenuGroup = { label: string | null; links: MenuLink[] };

type Props = {
  label: string;
  cityName: string;
  groups: MenuGroup[];
  words: { open: string; close: string };
  account: { href: string; label: string };
};

function isCurrent(pathname: string, link: MenuLink): boolean {
  const within = (base: string) => pathname === base || pathname.startsWith(`${base}/`);
  return link.exact ? pathname === link.href : within(link.href) && !link.deeper.some(within);
}

const itemClass = (current: boolean) =>
  cx(
    "flex min-h-11 w-full items-center px-3 text-sm font-medium whitespace-nowrap transition-colors",
    current ? "text-brand-800 lg:border-brand-700" : "text-muted hover:text-brand-800 lg:border-transparent lg:hover:border-brand-200",
  );

/**
 * The city's menu, grouped by the work (Registri ▸, Program & kegiatan ▸, Dasbor ▸…): one row
 * on a laptop with each group opening below it, and on a phone a "Menu" button that opens
 * every group as a list. One list serves both, so there is one menu for a screen reader.
 */
export function TenantMenu({ label, cityName, groups, words, account }: Props) {
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const [openGroup, setOpenGroup] = useState<number | null>(null);
  const navRef = useRef<HTMLElement>(null);
  const listId = useId();

  // A new page closes whatever was open.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the path is what changes
  useEffect(() => {
    setOpen(false);
    setOpenGroup(null);
  }, [pathname]);

  useEffect(() => {
    if (!open && openGroup === null) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") {
        setOpenGroup(null);
        setOpen(false);
      }
    };
    const onClick = (event: MouseEvent) => {
      if (!navRef.current?.contains(event.target as Node)) {
        setOpenGroup(null);
        setOpen(false);
      }
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("click", onClick);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("click", onClick);
    };
  }, [open, openGroup]);

  return (
    <nav ref={navRef} aria-label={label} className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 px-4 sm:px-6 lg:flex-nowrap">
      <p className="min-w-0 flex-1 truncate py-2.5 font-semibold text-brand-900 lg:flex-none">{cityName}</p>
      <button
        type="button"
        className="inline-flex min-h-11 items-center gap-2 rounded-md border border-line px-3 text-sm font-medium text-brand-800 lg:hidden"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen((value) => !value)}
      >
        <span aria-hidden="true">{open ? "✕" : "☰"}</span>
        {open ? words.close : words.open}
      </button>
      <ul id={listId} className={cx("w-full flex-col pb-2 lg:flex lg:w-auto lg:flex-row lg:pb-0", open ? "flex" : "hidden")}>
        {groups.map((group, index) => {
          if (!group.label) {
            const link = group.links[0]!;
            const current = isCurrent(pathname, link);
            return (
              <li key={link.href}>
                <Link href={link.href} aria-current={current ? "page" : undefined} className={cx(itemClass(current), "lg:border-b-3")}>
                  {link.label}
                </Link>
              </li>
            );
          }
          const expanded = openGroup === index;
          const current = group.links.some((link) => isCurrent(pathname, link));
          return (
            <li key={group.label} className="lg:relative">
              <button
                type="button"
                aria-expanded={expanded}
                className={cx(itemClass(current), "gap-1.5 lg:border-b-3", current && "font-semibold")}
                onClick={() => setOpenGroup(expanded ? null : index)}
              >
                {group.label}
                <span aria-hidden="true" className={cx("text-xs transition-transform", expanded && "rotate-180")}>
                  ▾
                </span>
              </button>
              <ul
                className={cx(
                  "flex-col border-l-2 border-line pl-3 lg:absolute lg:top-full lg:left-0 lg:z-30 lg:min-w-60 lg:rounded-md lg:border lg:bg-white lg:py-1 lg:pl-0 lg:shadow-lg",
                  expanded ? "flex" : "hidden",
                )}
              >
                {group.links.map((link) => {
                  const here = isCurrent(pathname, link);
                  return (
                    <li key={link.href}>
                      <Link
                        href={link.href}
                        aria-current={here ? "page" : undefined}
                        className={cx(itemClass(here), "lg:hover:bg-brand-50", here && "bg-brand-50")}
                      >
                        {link.label}
                      </Link>
                    </li>
                  );
                })}
              </ul>
            </li>
          );
        })}
        <li className="border-t border-line lg:hidden">
          <Link href={account.href} className={itemClass(pathname === account.href)}>
            {account.label}
          </Link>
        </li>
      </ul>
    </nav>
  );
}
