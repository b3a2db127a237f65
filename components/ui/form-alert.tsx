import type { ReactNode } from "react";

/** A form's error, announced to screen readers as it appears. */
export function FormAlert({ title, children }: { title?: ReactNode; children: ReactNode }) {
  return (
    <div role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">
      {title ? <p className="font-semibold">{title}</p> : null}
      <p>{children}</p>
    </div>
  );
}

/** A neutral notice, e.g. "Anda telah keluar." */
export function FormNotice({ children }: { children: ReactNode }) {
  return (
    <div role="status" className="rounded-md border border-brand-200 bg-brand-50 px-3 py-2 text-sm text-brand-900">
      {children}
    </div>
  );
}
