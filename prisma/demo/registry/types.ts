import type { ChangeSource, Disability, Education, FamilyRelation, HouseholdStatus, RegistrySource, Sex } from "@/lib/generated/prisma/enums";

/** A kelurahan with its kecamatan, by Kemendagri code and name. */
export type RegistryArea = {
  kecamatanCode: string;
  kecamatanName: string;
  kelurahanCode: string;
  kelurahanName: string;
};

export type GeneratedMember = {
  nik: string;
  name: string;
  sex: Sex;
  birthPlace: string;
  birthDate: Date;
  relation: FamilyRelation;
  education: Education | null;
  occupation: string;
  disability: Disability | null;
};

export type GeneratedStatusEvent = {
  fromStatus: HouseholdStatus;
  toStatus: HouseholdStatus;
  fromExtremePoor: boolean;
  toExtremePoor: boolean;
  effectiveDate: Date;
  reason: string;
  source: ChangeSource;
};

export type GeneratedDesilChange = {
  fromDesil: number;
  toDesil: number;
  effectiveDate: Date;
  source: ChangeSource;
};

export type GeneratedHousehold = {
  /** Position in the generated registry; ids derive from it. */
  index: number;
  noKk: string;
  registrySource: RegistrySource;
  registryId: string | null;
  area: RegistryArea;
  address: string;
  rt: string;
  rw: string;
  desil: number;
  isExtremePoor: boolean;
  status: HouseholdStatus;
  statusChangedAt: Date | null;
  members: GeneratedMember[];
  statusEvents: GeneratedStatusEvent[];
  desilChanges: GeneratedDesilChange[];
};
