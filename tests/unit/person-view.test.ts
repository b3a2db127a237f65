import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { ROLE_PERMISSIONS } from "@/lib/auth/permissions";
import type { Role } from "@/lib/generated/prisma/enums";
import { generateNik } from "@/lib/identity/nik";
import { birthFor, maskNumber, personView } from "@/lib/privacy/person-view";

const roles = Object.keys(ROLE_PERMISSIONS) as Role[];
const today = new Date(Date.UTC(2026, 11, 6));

describe("maskNumber", () => {
  it("shows the last four digits only", () => {
    expect(maskNumber("5271010101900001")).toBe("••••••••••••0001");
    expect(maskNumber(" 5271010101900001 ")).toBe("••••••••••••0001");
  });

  it("never shows a region or birth-date digit of any NIK", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("1930-01-01"), max: new Date("2025-12-31"), noInvalidDate: true }),
        fc.integer({ min: 1, max: 9999 }),
        (date, serial) => {
          const birthDate = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
          const nik = generateNik({ regionCode: "527101", birthDate, sex: "FEMALE", serial });
          expect(maskNumber(nik).replace(/•/g, "")).toBe(nik.slice(-4));
        },
      ),
    );
  });

  it("hides a value too short to keep four digits back", () => {
    expect(maskNumber("12345678")).toBe("••••••••");
  });
});

describe("personView", () => {
  it.each(roles)("gives %s the full birth date and number lookups only with registry:read-personal", (role) => {
    const personal = (ROLE_PERMISSIONS[role] as readonly string[]).includes("registry:read-personal");
    expect(personView({ role })).toEqual({ birth: personal ? "date" : "age", numberLookup: personal });
  });

  it("shows the age, not the date, to a viewer without personal data", () => {
    const birthDate = new Date(Date.UTC(1984, 2, 3));
    expect(birthFor(personView({ role: "OPD_STAFF" }), birthDate, today)).toEqual({ date: null, age: 42 });
    expect(birthFor(personView({ role: "BAPEDA" }), birthDate, today)).toEqual({ date: birthDate, age: 42 });
  });
});
