export { generateRegistry, registryHouseholds, type GenerateRegistryOptions } from "./generate-registry";
export type * from "./types";
