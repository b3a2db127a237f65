export { seedDemo, DEFAULT_HOUSEHOLDS, DEFAULT_SEED, type SeedDemoOptions } from "./seed-demo";
export { seedCity } from "./seed-city";
export { DEMO_CITIES, kupang, mataram } from "./cities";
export type { CitySpec } from "./cities/types";
export type { CitySummary } from "./steps/summarise-city";
export { generateRegistry } from "./registry";
export { createRandom, hashSeed, type Random } from "./random";
export { formatDemoAccounts, formatSummary } from "./format-summary";
export { DEMO_PASSWORD, PLATFORM_ADMIN_ACCOUNT, demoAccountsFor, type DemoAccount } from "./demo-accounts";
