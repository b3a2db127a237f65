import type messages from "../../messages/id";
import type { AppLocale } from "./locales";

// Typed keys for t(): a misspelt key fails the type check. Indonesian is the reference.
declare module "next-intl" {
  interface AppConfig {
    Locale: AppLocale;
    Messages: typeof messages;
  }
}
