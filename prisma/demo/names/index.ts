export { createFamilyNaming, type Culture, type FamilyNaming } from "./family-naming";
