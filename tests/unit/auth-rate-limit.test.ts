import { describe, expect, it } from "vitest";
import {
  ACCOUNT_ADDRESS_POLICY,
  ACCOUNT_POLICY,
  IP_POLICY,
  accountAddressKey,
  accountKey,
  ipKey,
  isLocked,
  minutesLeft,
  nextCounter,
  type Counter,
  type RateLimitPolicy,
} from "@/lib/auth/rate-limit";

const minute = 60_000;
const t0 = new Date("2026-11-23T08:00:00.000Z");
const at = (minutes: number) => new Date(t0.getTime() + minutes * minute);

/** The counter after failures at the given minutes past t0. */
function afterFailures(minutes: number[], policy: RateLimitPolicy = ACCOUNT_ADDRESS_POLICY): Counter | null {
  return minutes.reduce<Counter | null>((counter, m) => nextCounter(counter, at(m), policy), null);
}

describe("the policies", () => {
  it("lock an account at one address after 5 failures, an account after 20 and an address after 30, each for 15 minutes in a 15-minute window", () => {
    expect(ACCOUNT_ADDRESS_POLICY).toEqual({ max: 5, windowMs: 15 * minute, lockMs: 15 * minute });
    expect(ACCOUNT_POLICY).toEqual({ max: 20, windowMs: 15 * minute, lockMs: 15 * minute });
    expect(IP_POLICY).toEqual({ max: 30, windowMs: 15 * minute, lockMs: 15 * minute });
  });

  it("key accounts by a keyed tag of the lower-cased email, never the email itself, and addresses by IP", () => {
    expect(accountKey("  Budi@Kupangkota.go.id ")).toBe(accountKey("budi@kupangkota.go.id"));
    expect(accountKey("budi@kupangkota.go.id")).toMatch(/^login:email:[0-9a-f]{16}$/);
    expect(accountKey("budi@kupangkota.go.id")).not.toBe(accountKey("ani@kupangkota.go.id"));
    expect(ipKey("10.0.0.7")).toBe("login:ip:10.0.0.7");
    expect(accountAddressKey(" Budi@Kupangkota.go.id", "10.0.0.7")).toBe(`${accountKey("budi@kupangkota.go.id")}:ip:10.0.0.7`);
    expect(accountAddressKey("budi@kupangkota.go.id", "10.0.0.7")).not.toContain("budi");
  });
});

describe("nextCounter", () => {
  it("starts a window at the first failure", () => {
    expect(afterFailures([3])).toEqual({ count: 1, windowStart: at(3), lockedUntil: null });
  });

  it("locks on the fifth failure within the window, for 15 minutes from that failure", () => {
    const four = afterFailures([0, 1, 2, 3]);
    expect(four).toMatchObject({ count: 4, lockedUntil: null });
    expect(isLocked(four, at(3))).toBe(false);
    const five = afterFailures([0, 1, 2, 3, 14]);
    expect(five).toEqual({ count: 5, windowStart: at(0), lockedUntil: at(29) });
    expect(isLocked(five, at(28.99))).toBe(true);
    expect(isLocked(five, at(29))).toBe(false);
  });

  it("starts over once the window has passed, so slow guessing never locks", () => {
    const counter = afterFailures([0, 1, 2, 3, 15]);
    expect(counter).toEqual({ count: 1, windowStart: at(15), lockedUntil: null });
    const everyFourMinutes = afterFailures(Array.from({ length: 40 }, (_, i) => i * 4));
    expect(everyFourMinutes?.lockedUntil).toBeNull();
  });

  it("treats the window's end as outside it", () => {
    expect(afterFailures([0, 14.999])?.count).toBe(2);
    expect(afterFailures([0, 15])?.count).toBe(1);
  });

  it("counts 30 for an address before locking it", () => {
    const minutes = Array.from({ length: 29 }, (_, i) => i * 0.4);
    expect(afterFailures(minutes, IP_POLICY)?.lockedUntil).toBeNull();
    expect(afterFailures([...minutes, 12], IP_POLICY)?.lockedUntil).toEqual(at(27));
  });

  it("re-locks from the latest failure when failures go on past the limit", () => {
    expect(afterFailures([0, 1, 2, 3, 4, 5])).toMatchObject({ count: 6, lockedUntil: at(20) });
  });
});

describe("minutesLeft", () => {
  it("rounds up to whole minutes, never below 1", () => {
    expect(minutesLeft(at(15), at(0))).toBe(15);
    expect(minutesLeft(at(15), at(0.5))).toBe(15);
    expect(minutesLeft(at(15), at(1))).toBe(14);
    expect(minutesLeft(at(15), at(14.99))).toBe(1);
    expect(minutesLeft(at(15), at(15))).toBe(1);
  });
});
