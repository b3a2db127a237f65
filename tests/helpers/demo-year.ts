// The demo's fiscal years, computed as the seed computes them (the city's today, or SEED_TODAY
// when the seed was given one), so tests against the seeded demo keep passing as years go by.
import { demoFiscalYear } from "@/prisma/demo/demo-today";

/** The demo's current fiscal year: under way, with progress up to today. */
export const DEMO_YEAR = demoFiscalYear();

/** The year before: closed, everything verified. */
export const DEMO_PREVIOUS_YEAR = DEMO_YEAR - 1;
