import en from "../../messages/en";
import id from "../../messages/id";
import type { AppLocale } from "./locales";

export type Messages = typeof id;

export const catalogues: Record<AppLocale, Messages> = { id, en };

// Fails the type check when a key exists in one catalogue and not in the other.
type KeyShape<T> = T extends string ? string : { [K in keyof T]: KeyShape<T[K]> };
type SameShape<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const cataloguesHaveSameKeys: SameShape<KeyShape<typeof id>, KeyShape<typeof en>> = true;
