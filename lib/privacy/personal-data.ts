// The one table of the personal data Entas stores: per model, which fields are personal and of
// what kind, why they are kept, who may see them, on what legal basis and for how long. The
// audit trail's redaction (redact.ts) and the record of processing activities read it; a test
// scans prisma/schema.prisma so that a new field that looks personal must be classified here.
// Purposes, bases and retention are keys: their words are in messages/*/Privacy.json.
import type { Role } from "@/lib/generated/prisma/enums";

/**
 * What a personal field holds. The kind decides what an audit row keeps of it (redact.ts):
 * identity numbers a keyed hash and their last four digits; what names or locates a person,
 * or is specific personal data (UU 27/2022 Pasal 4), nothing; the rest as it is.
 */
/** What an audit row holds in place of a name, an address or a birth date (redact.ts). */
export const REDACTED = "[redacted]";

export const PERSONAL_KINDS = [
  "nik",
  "noKk",
  "registryId",
  /** A social-insurance membership number (BPJS Ketenagakerjaan KPJ). */
  "insuranceNumber",
  "name",
  "address",
  "rtRw",
  "birthDate",
  "birthPlace",
  "sex",
  "family",
  "education",
  "occupation",
  "health",
  "welfare",
  "business",
  "staffName",
  "staffEmail",
  "network",
  /** A JSON value holding records of people: redacted field by field, by their names. */
  "records",
  /** Rows of an uploaded file, cells by position (no field names): never copied whole. */
  "fileRows",
] as const;
export type PersonalKind = (typeof PERSONAL_KINDS)[number];

export const PURPOSES = ["registry", "programmes", "revolvingFunds", "changeRequests", "duplicates", "imports", "exports", "accounts", "audit"] as const;
export type Purpose = (typeof PURPOSES)[number];

/** UU 27/2022 Pasal 20(2): (b) a contract with the person, (c) a legal obligation, (e) a public task. */
export const LEGAL_BASES = ["publicTask", "contract", "legalObligation"] as const;
export type LegalBasis = (typeof LEGAL_BASES)[number];

export const RETENTIONS = ["registry", "loan", "account", "session", "request", "importReport", "importStaged", "exportFile", "auditLog"] as const;
export type Retention = (typeof RETENTIONS)[number];

export type PersonalModel = {
  purpose: Purpose;
  legalBasis: LegalBasis;
  retention: Retention;
  /** The roles that may see these fields, within their scope (masked where the role's view masks). */
  recipients: readonly Role[];
  fields: Readonly<Record<string, PersonalKind>>;
};

const REGISTRY_READERS = ["BAPEDA", "KELURAHAN", "OPD_STAFF", "OPD_HEAD", "AUDITOR"] as const satisfies readonly Role[];
const REGISTRY_DECIDERS = ["BAPEDA", "KELURAHAN", "OPD_HEAD"] as const satisfies readonly Role[];

export const PERSONAL_DATA = {
  Household: {
    purpose: "registry",
    legalBasis: "publicTask",
    retention: "registry",
    recipients: REGISTRY_READERS,
    fields: { noKk: "noKk", registryId: "registryId", address: "address", rt: "rtRw", rw: "rtRw", desil: "welfare", isExtremePoor: "welfare" },
  },
  Member: {
    purpose: "registry",
    legalBasis: "publicTask",
    retention: "registry",
    recipients: REGISTRY_READERS,
    fields: {
      nik: "nik",
      name: "name",
      sex: "sex",
      birthPlace: "birthPlace",
      birthDate: "birthDate",
      relation: "family",
      education: "education",
      occupation: "occupation",
      disability: "health",
      departure: "family",
      departedAt: "family",
    },
  },
  HouseholdStatusEvent: {
    purpose: "registry",
    legalBasis: "publicTask",
    retention: "registry",
    recipients: REGISTRY_READERS,
    fields: { toStatus: "welfare", toExtremePoor: "welfare", reason: "welfare" },
  },
  HouseholdDesilChange: {
    purpose: "registry",
    legalBasis: "publicTask",
    retention: "registry",
    recipients: REGISTRY_READERS,
    fields: { toDesil: "welfare" },
  },
  TrainingParticipant: {
    purpose: "programmes",
    legalBasis: "publicTask",
    retention: "registry",
    recipients: ["OPD_STAFF", "OPD_HEAD", "BAPEDA", "AUDITOR"],
    fields: { certificateNo: "education" },
  },
  TrainingFollowUp: {
    purpose: "programmes",
    legalBasis: "publicTask",
    retention: "registry",
    recipients: ["OPD_STAFF", "OPD_HEAD", "BAPEDA", "AUDITOR"],
    fields: { outcome: "business" },
  },
  AidDistribution: {
    purpose: "programmes",
    legalBasis: "publicTask",
    retention: "registry",
    recipients: ["OPD_STAFF", "OPD_HEAD", "BAPEDA", "AUDITOR"],
    fields: { items: "welfare", handedOverBy: "staffName", bpjsNumber: "insuranceNumber" },
  },
  /** The BPJS cover page's lists (summaries kept by triggers): a copy of the member's name, for their order. */
  BpjsDoubleCover: {
    purpose: "programmes",
    legalBasis: "publicTask",
    retention: "registry",
    recipients: ["OPD_STAFF", "OPD_HEAD", "BAPEDA", "AUDITOR"],
    fields: { memberName: "name" },
  },
  BpjsCoverEnd: {
    purpose: "programmes",
    legalBasis: "publicTask",
    retention: "registry",
    recipients: ["OPD_STAFF", "OPD_HEAD", "BAPEDA", "AUDITOR"],
    fields: { memberName: "name" },
  },
  Loan: {
    purpose: "revolvingFunds",
    legalBasis: "contract",
    retention: "loan",
    recipients: ["KELURAHAN", "AUDITOR"],
    fields: {
      borrowerNik: "nik",
      borrowerName: "name",
      businessType: "business",
      purpose: "business",
      approvedByName: "staffName",
      writeOffApprover: "staffName",
    },
  },
  ChangeRequest: {
    purpose: "changeRequests",
    legalBasis: "publicTask",
    retention: "request",
    recipients: REGISTRY_DECIDERS,
    fields: { payload: "records" },
  },
  DuplicateCandidate: {
    purpose: "duplicates",
    legalBasis: "publicTask",
    retention: "request",
    recipients: ["BAPEDA"],
    fields: { detail: "records" },
  },
  ImportJob: {
    purpose: "imports",
    legalBasis: "publicTask",
    retention: "importReport",
    recipients: ["BAPEDA"],
    fields: { report: "fileRows" },
  },
  /** An upload's bytes, in pieces, until its job ends. */
  JobFilePart: {
    purpose: "imports",
    legalBasis: "publicTask",
    retention: "importStaged",
    recipients: [],
    fields: { bytes: "fileRows" },
  },
  /** A large export's file, for the user who asked for it only. */
  ExportFile: {
    purpose: "exports",
    legalBasis: "publicTask",
    retention: "exportFile",
    recipients: [],
    fields: { bytes: "fileRows" },
  },
  ImportStagedHousehold: {
    purpose: "imports",
    legalBasis: "publicTask",
    retention: "importStaged",
    recipients: [],
    fields: { noKk: "noKk", registryId: "registryId", address: "address", rt: "rtRw", rw: "rtRw", desil: "welfare", isExtremePoor: "welfare" },
  },
  ImportStagedMember: {
    purpose: "imports",
    legalBasis: "publicTask",
    retention: "importStaged",
    recipients: [],
    fields: {
      nik: "nik",
      noKk: "noKk",
      name: "name",
      sex: "sex",
      birthPlace: "birthPlace",
      birthDate: "birthDate",
      relation: "family",
      education: "education",
      occupation: "occupation",
      disability: "health",
    },
  },
  User: {
    purpose: "accounts",
    legalBasis: "publicTask",
    retention: "account",
    recipients: ["CITY_ADMIN", "PLATFORM_ADMIN", "AUDITOR"],
    fields: { name: "staffName", email: "staffEmail" },
  },
  // The sign-in lookup of the same accounts: kept with them, seen by no one.
  SignInDirectory: {
    purpose: "accounts",
    legalBasis: "publicTask",
    retention: "account",
    recipients: [],
    fields: { email: "staffEmail" },
  },
  UserSession: {
    purpose: "accounts",
    legalBasis: "publicTask",
    retention: "session",
    recipients: [],
    fields: { ip: "network" },
  },
  AuditLog: {
    purpose: "audit",
    legalBasis: "legalObligation",
    retention: "auditLog",
    recipients: ["CITY_ADMIN", "AUDITOR"],
    fields: { before: "records", after: "records", ip: "network" },
  },
  /** The audit trail outside any city, the platform's alone (no screen shows it yet). */
  PlatformEvent: {
    purpose: "audit",
    legalBasis: "legalObligation",
    retention: "auditLog",
    recipients: ["PLATFORM_ADMIN"],
    fields: { before: "records", after: "records", ip: "network" },
  },
} as const satisfies Record<string, PersonalModel>;

export type PersonalModelName = keyof typeof PERSONAL_DATA;

/**
 * Fields whose names look personal but hold no one's personal data: places, agencies,
 * programmes, companies and files. The schema test accepts a look-alike only from here.
 */
export const NOT_PERSONAL: Readonly<Record<string, readonly string[]>> = {
  Tenant: ["name", "provinceName"],
  Area: ["name", "officialName"],
  Opd: ["name", "shortName"],
  Programme: ["name"],
  BudgetLine: ["partnerName"],
  AidDistribution: ["partnerName"],
  RevolvingFund: ["lpmName"],
  ImportJob: ["fileName"],
  BackgroundJob: ["fileName"],
  ExportFile: ["fileName"],
};

/** The kind of `field` of `model`, or null when the table does not mark it personal. */
export function personalKind(model: string, field: string): PersonalKind | null {
  const entry = (PERSONAL_DATA as Record<string, PersonalModel>)[model];
  return entry?.fields[field] ?? null;
}
