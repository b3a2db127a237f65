-- BPS's poverty line (garis kemiskinan) beside the year's P0, P1 and P2: whole Rupiah per person
-- per month, as money is everywhere (bigint). The check repeats the lower end of
-- features/statistics/schemas.ts so a write that skips the form still holds a positive amount.

-- AlterTable
ALTER TABLE "PovertyStatistic" ADD COLUMN     "povertyLineRupiah" BIGINT;

ALTER TABLE "PovertyStatistic" ADD CONSTRAINT "PovertyStatistic_povertyLineRupiah_check"
  CHECK ("povertyLineRupiah" > 0);
