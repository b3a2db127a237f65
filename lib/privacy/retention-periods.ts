// The retention periods and their bounds, apart from the purge so that forms can import them.

export type RetentionPeriods = { auditMonths: number; importReportDays: number };

/** Five years of audit trail; a month of import reports (their rejected rows carry NIKs). */
export const RETENTION_DEFAULTS: RetentionPeriods = { auditMonths: 60, importReportDays: 30 };

export const RETENTION_LIMITS = {
  auditMonths: { min: 12, max: 120 },
  importReportDays: { min: 1, max: 365 },
} as const satisfies Record<keyof RetentionPeriods, { min: number; max: number }>;
