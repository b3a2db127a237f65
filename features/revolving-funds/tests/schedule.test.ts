import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocatePayment, instalmentsPaid, nextDueDate } from "@/features/revolving-funds/allocation";
import { ageingBucket, daysPastDue } from "@/features/revolving-funds/arrears";
import { loanSchedule, scheduleTotal, serviceFeeOf } from "@/features/revolving-funds/schedule";
import { loanStanding, remainingObligation } from "@/features/revolving-funds/standing";
import { rupiahInWords } from "@/features/revolving-funds/terbilang";
import { isYouthOn } from "@/features/revolving-funds/youth";

const day = (text: string) => new Date(`${text}T00:00:00Z`);

describe("service fee", () => {
  it("is principal × basis points, rounded half up to whole Rupiah", () => {
    expect(serviceFeeOf(5_000_000n, 300)).toBe(150_000n);
    expect(serviceFeeOf(1_234_567n, 150)).toBe(18_519n); // 18 518,505 → 18 519
    expect(serviceFeeOf(1_000_033n, 150)).toBe(15_000n); // 15 000,495 → 15 000
    expect(serviceFeeOf(7_000_000n, 0)).toBe(0n);
  });
});

describe("schedule", () => {
  it("splits into equal instalments rounded down, the remainder in the last", () => {
    const schedule = loanSchedule({ disbursedAt: day("2026-01-10"), principal: 10_000_000n, serviceFee: 100n, tenorMonths: 3, graceMonths: 0 });
    expect(schedule.map((line) => line.principalDue)).toEqual([3_333_333n, 3_333_333n, 3_333_334n]);
    expect(schedule.map((line) => line.feeDue)).toEqual([33n, 33n, 34n]);
  });

  it("falls due grace + 1 months after disbursement, keeping the day or the month's last day", () => {
    const schedule = loanSchedule({ disbursedAt: day("2024-01-31"), principal: 4_000_000n, serviceFee: 0n, tenorMonths: 4, graceMonths: 1 });
    expect(schedule.map((line) => line.dueDate.toISOString().slice(0, 10))).toEqual(["2024-03-31", "2024-04-30", "2024-05-31", "2024-06-30"]);
  });

  it("always adds up to principal and fee exactly, never a negative instalment", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 100_000_000n }),
        fc.bigInt({ min: 0n, max: 5_000_000n }),
        fc.integer({ min: 1, max: 60 }),
        (principal, fee, tenor) => {
          const schedule = loanSchedule({ disbursedAt: day("2026-02-28"), principal, serviceFee: fee, tenorMonths: tenor, graceMonths: 0 });
          expect(schedule).toHaveLength(tenor);
          expect(schedule.reduce((sum, line) => sum + line.principalDue, 0n)).toBe(principal);
          expect(schedule.reduce((sum, line) => sum + line.feeDue, 0n)).toBe(fee);
          expect(schedule.every((line) => line.principalDue >= 0n && line.feeDue >= 0n)).toBe(true);
        },
      ),
    );
  });
});

describe("allocation: oldest instalment first, fee before principal", () => {
  const schedule = loanSchedule({ disbursedAt: day("2026-01-10"), principal: 1_000_000n, serviceFee: 30_000n, tenorMonths: 2, graceMonths: 0 });

  it("fills the fee, then the principal of the oldest instalment, then runs on", () => {
    expect(allocatePayment(schedule, 0n, 10_000n)).toEqual({ principalPart: 0n, feePart: 10_000n });
    expect(allocatePayment(schedule, 10_000n, 200_000n)).toEqual({ principalPart: 195_000n, feePart: 5_000n });
    expect(allocatePayment(schedule, 210_000n, 400_000n)).toEqual({ principalPart: 385_000n, feePart: 15_000n });
    expect(nextDueDate(schedule, 515_000n)).toEqual(day("2026-03-10"));
    expect(nextDueDate(schedule, 1_030_000n)).toBeNull();
    expect(instalmentsPaid(schedule, 600_000n)).toEqual([515_000n, 85_000n]);
  });

  it("refuses more than is left", () => {
    expect(() => allocatePayment(schedule, 1_000_000n, 30_001n)).toThrow(RangeError);
  });

  it("splits any sequence of payments so the parts add up and never exceed the schedule", () => {
    fc.assert(
      fc.property(fc.array(fc.bigInt({ min: 1n, max: 400_000n }), { maxLength: 12 }), (payments) => {
        const total = scheduleTotal(schedule);
        let paid = 0n;
        let principal = 0n;
        for (const amount of payments) {
          if (paid + amount > total) break;
          const parts = allocatePayment(schedule, paid, amount);
          expect(parts.principalPart + parts.feePart).toBe(amount);
          paid += amount;
          principal += parts.principalPart;
        }
        expect(principal).toBeLessThanOrEqual(1_000_000n);
        // Fee first: the principal received never runs ahead of the fees of the instalments it reached.
        expect(allocatePayment(schedule, 0n, paid).principalPart).toBe(principal);
      }),
    );
  });
});

describe("arrears", () => {
  it("counts days from the oldest unpaid due date and buckets them", () => {
    expect(daysPastDue(day("2026-10-01"), day("2026-11-23"))).toBe(53);
    expect(daysPastDue(day("2026-11-23"), day("2026-11-23"))).toBe(0);
    expect(daysPastDue(null, day("2026-11-23"))).toBe(0);
    expect([0, 1, 30, 31, 60, 61, 90, 91].map(ageingBucket)).toEqual(["current", "d1_30", "d1_30", "d31_60", "d31_60", "d61_90", "d61_90", "d90_plus"]);
  });

  it("youth are up to 30 years old on the day", () => {
    expect(isYouthOn(day("1996-11-24"), day("2026-11-23"))).toBe(true);
    expect(isYouthOn(day("1995-11-23"), day("2026-11-23"))).toBe(false);
  });
});

describe("amounts in words", () => {
  it("reads Rupiah in Indonesian", () => {
    expect(rupiahInWords(25_500_000n)).toBe("Dua puluh lima juta lima ratus ribu rupiah");
    expect(rupiahInWords(1_000n)).toBe("Seribu rupiah");
    expect(rupiahInWords(2_000_000_000n)).toBe("Dua miliar rupiah");
  });
});

describe("where a loan stands", () => {
  const terms = { disbursedAt: day("2026-01-10"), principal: 5_000_000n, serviceFee: 150_000n, tenorMonths: 10, graceMonths: 0 };
  const schedule = loanSchedule(terms);
  const loan = { principal: 5_000_000n, serviceFee: 150_000n, principalRepaid: 570_000n, feePaid: 30_000n };

  it("owes the schedule less what is paid; before disbursement, principal and fee", () => {
    expect(remainingObligation(loan, schedule)).toBe(5_150_000n - 600_000n);
    expect(remainingObligation({ ...loan, principalRepaid: 0n, feePaid: 0n }, [])).toBe(5_150_000n);
  });

  it("is late from the next due date, and suggests paying that instalment", () => {
    const running = { ...loan, status: "DISBURSED" as const, nextDueDate: day("2026-03-10") };
    expect(loanStanding(running, schedule, day("2026-04-19"))).toEqual({
      paidTotal: 600_000n,
      outstandingPrincipal: 4_430_000n,
      left: 4_550_000n,
      daysPastDue: 40,
      ageing: "d31_60",
      suggestedPayment: 515_000n,
    });
  });

  it("leaves nothing to pay or age once the loan is closed", () => {
    const closed = loanStanding({ ...loan, status: "WRITTEN_OFF", nextDueDate: day("2026-03-10") }, schedule, day("2026-04-19"));
    expect(closed).toMatchObject({ outstandingPrincipal: 0n, left: 0n, daysPastDue: 0, ageing: "current" });
  });
});
