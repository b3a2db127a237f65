import { kupang } from "./kupang";
import { mataram } from "./mataram";
import type { CitySpec } from "./types";

export const DEMO_CITIES: readonly CitySpec[] = [mataram, kupang];

export { kupang, mataram };
export type * from "./types";
export { cityOn } from "./relative";
