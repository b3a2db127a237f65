import Link from "next/link";
import type { ComponentProps } from "react";
import { cx } from "./class-names";

type Variant = "primary" | "secondary";

const base =
  "inline-flex min-h-10 items-center justify-center gap-2 rounded-md px-4 py-2 text-sm font-medium transition-colors disabled:cursor-not-allowed disabled:opacity-60";

const variants: Record<Variant, string> = {
  primary: "bg-brand-700 text-white hover:bg-brand-800",
  secondary: "border border-line bg-white text-brand-800 hover:bg-brand-50",
};

export function buttonClassName(variant: Variant = "primary", className?: string): string {
  return cx(base, variants[variant], className);
}

export function Button({ variant, className, type = "button", ...props }: ComponentProps<"button"> & { variant?: Variant }) {
  return <button type={type} className={buttonClassName(variant, className)} {...props} />;
}

export function LinkButton({ variant, className, ...props }: ComponentProps<typeof Link> & { variant?: Variant }) {
  return <Link className={buttonClassName(variant, className)} {...props} />;
}
