"use client";

import { useEffect } from "react";

/** Brings a freshly shown result into view and moves the keyboard focus to its heading. */
export function FocusResult({ targetId }: { targetId: string }) {
  useEffect(() => {
    const heading = document.getElementById(targetId);
    if (!heading) return;
    heading.setAttribute("tabindex", "-1");
    (heading.closest("section") ?? heading).scrollIntoView({ block: "start", behavior: "smooth" });
    heading.focus({ preventScroll: true });
  }, [targetId]);
  return null;
}
