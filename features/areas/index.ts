export { findRegency, listRegencyAreas, type Regency, type KecamatanEntry, type KelurahanEntry } from "./idn-area";
export { syncTenantAreas, type AreaSyncResult } from "./sync-tenant-areas";
export { toTitleCase } from "./title-case";
export { timeZoneForProvince } from "./time-zone";
