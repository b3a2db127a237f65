import type { AidKind, FundingSource, ProgrammeKind, Sex, TargetIndicator, TargetUnit } from "@/lib/generated/prisma/enums";
import type { Culture } from "../names";

/** Everything the demo seed knows about one city, as plain data. */
export type CitySpec = {
  slug: string;
  /** Kemendagri code of the kota, e.g. "52.71"; name and province come from idn-area-data. */
  kemendagriCode: string;
  /** Kelurahan (name as in idn-area-data) of the demo KELURAHAN account. */
  demoKelurahan: string;
  /**
   * The fiscal year the plan below is written for as the current one. The seed moves it to the
   * city's real current year (`cityOn`): programmes keep their distance to it, Dana PEM funds end
   * the year before (the live fund is this year's), statistics and targets stay the years they are.
   */
  fiscalYear: number;
  /** Share of households by naming culture, optionally different per kecamatan name. */
  cultures: CultureWeights;
  culturesByKecamatan?: Record<string, CultureWeights>;
  streets: readonly string[];
  alleys: readonly string[];
  birthPlaces: readonly string[];
  /** Officers who sign hand-over reports (berita acara serah terima). */
  officers: readonly string[];
  opds: readonly OpdSpec[];
  programmes: readonly ProgrammeSpec[];
  statistics: readonly PovertyStatisticSpec[];
  targets: readonly TargetSpec[];
  revolvingFunds: readonly RevolvingFundSpec[];
  /** The demo kelurahan's Dana PEM of the real current year, its loans dated back from the real today. */
  liveFund: FundRulesSpec;
};

export type CultureWeights = ReadonlyArray<readonly [Culture, number]>;

export type OpdSpec = { code: string; name: string; shortName: string; decidesRegistryChanges?: boolean };

export type ProgrammeSpec = {
  opdCode: string;
  fiscalYear: number;
  name: string;
  kind: ProgrammeKind;
  description: string;
  targetUnit: TargetUnit;
  targetCount: number;
  targetExtremeCount: number;
  budgetLines: readonly BudgetLineSpec[];
  training?: TrainingPlan;
  aid?: AidPlan;
  toolKits?: ToolKitPlan;
};

export type BudgetLineSpec = {
  fundingSource: FundingSource;
  description: string;
  /** Whole Rupiah. */
  pagu: bigint;
  partnerName?: string;
};

export type TrainingPlan = {
  skill: string;
  batches: number;
  participantsPerBatch: number;
  days: number;
  /** Month of the fiscal year the first batch starts; later batches follow every two months. */
  firstMonth: number;
  preferredSex?: Sex;
  places: readonly string[];
  trainer: string;
  /** What graduates receive from the equipment programme. */
  toolKit?: { items: string; value: bigint };
};

export type AidPlan = {
  kind: AidKind;
  /** How many hand-overs at the default registry size; fewer when the registry is smaller. */
  recipients: number;
  items: string;
  /** Value of one hand-over in whole Rupiah: fixed, or a range rounded to Rp 50.000. */
  value: bigint | readonly [bigint, bigint];
  /** Poorest desil that qualifies, e.g. 1 for extreme-poor only. */
  maxDesil: number;
  /** Hand-overs are recorded against one member of this age range (e.g. an informal worker). */
  memberAge?: readonly [number, number];
  partnerName?: string;
  /** Months of the fiscal year in which hand-overs happen. */
  months: readonly [number, number];
};

/** Each training's tool kit, handed to a share of its graduates. */
export type ToolKitPlan = {
  /** Training programmes of the same fiscal year, by name. */
  forGraduatesOf: readonly string[];
  /** Share of graduates who receive a kit, a few weeks after their training. */
  share: number;
};

export type PovertyStatisticSpec = {
  year: number;
  povertyRatePct: string;
  poorPeople: number;
  extremeRatePct: string;
  extremePoorPeople: number;
  p1?: string;
  p2?: string;
  /** BPS's poverty line (garis kemiskinan), whole Rupiah per person per month. */
  povertyLineRupiah?: bigint;
  source: string;
};

export type TargetSpec = { indicator: TargetIndicator; year: number; value: string; note: string };

/** A kelurahan's fund and its lending rules, without a year or a lending plan. */
export type FundRulesSpec = {
  /** Kelurahan name as in idn-area-data. */
  kelurahan: string;
  lpmName: string;
  /** Capital carried over from earlier rounds plus this year's APBD top-up. */
  carriedOver: bigint;
  topUp: bigint;
  maxLoan: bigint;
  maxTenorMonths: number;
  serviceFeeBps: number;
  graceMonths: number;
  approvedByName: string;
};

export type RevolvingFundSpec = FundRulesSpec & {
  year: number;
  loans: number;
  /** Sum of principals lent this year. */
  lentTotal: bigint;
  youthShare: number;
};
