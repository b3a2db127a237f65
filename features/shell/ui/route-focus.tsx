"use client";

import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";

/** Where focus goes when a page has replaced another: the page's heading, else its main landmark. */
export function focusNewPage(document: Document): void {
  const main = document.getElementById("main");
  if (!main) return;
  // A page that put focus in one of its fields (autoFocus) keeps it there.
  const active = document.activeElement;
  if (active && active !== main && main.contains(active) && active.matches("input, select, textarea")) return;
  const heading = main.querySelector("h1");
  const target = heading ?? main;
  if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
  target.focus({ preventScroll: true });
}

/**
 * After a client-side navigation, focus moves to the new page's h1, as after a full page load
 * a screen reader starts at the top of the new page; otherwise focus would stay on the clicked
 * link, which may now sit in a menu far from the content. Not on the first load, so the skip
 * link stays the first stop.
 */
export function RouteFocus() {
  const pathname = usePathname();
  const shown = useRef(pathname);
  useEffect(() => {
    if (shown.current === pathname) return;
    shown.current = pathname;
    focusNewPage(document);
  }, [pathname]);
  return null;
}
