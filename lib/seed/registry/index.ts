export { generateRegistry, type GenerateRegistryOptions } from "./generate-registry";
export type * from "./types";
