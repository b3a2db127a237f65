import type { Role } from "@/lib/generated/prisma/enums";

/** The password of every demo account: for demos and tests on demo data only. */
export const DEMO_PASSWORD = "Entas#Demo2026";

export type DemoAccount = {
  email: string;
  name: string;
  role: Role;
  /** OPD code for OPD roles. */
  opdCode?: string;
  /** Kelurahan name (as in idn-area-data) for the KELURAHAN role. */
  kelurahanName?: string;
};

const DISNAKER = "2.07";
const DINSOS = "1.06";

/** One account per role in a city, named after the city's slug; the kelurahan has two (officer and lurah). */
export function demoAccountsFor(slug: string, kelurahanName: string): DemoAccount[] {
  const email = (who: string) => `${who}.${slug}@entas.test`;
  return [
    { email: email("admin"), name: "Admin Kota", role: "CITY_ADMIN" },
    { email: email("staf.disnaker"), name: "Staf Disnaker", role: "OPD_STAFF", opdCode: DISNAKER },
    { email: email("kepala.disnaker"), name: "Kepala Disnaker", role: "OPD_HEAD", opdCode: DISNAKER },
    { email: email("kepala.dinsos"), name: "Kepala Dinas Sosial", role: "OPD_HEAD", opdCode: DINSOS },
    { email: email("bapeda"), name: "Perencana Bapeda", role: "BAPEDA" },
    { email: email("walikota"), name: "Staf Kantor Wali Kota", role: "MAYOR_OFFICE" },
    { email: email("kelurahan"), name: `Petugas Kelurahan ${kelurahanName}`, role: "KELURAHAN", kelurahanName },
    // A second account of the same kelurahan: a Dana PEM loan is approved by someone other than its proposer.
    { email: email("lurah"), name: `Lurah ${kelurahanName}`, role: "KELURAHAN", kelurahanName },
    { email: email("auditor"), name: "Auditor Inspektorat", role: "AUDITOR" },
  ];
}

export const PLATFORM_ADMIN_ACCOUNT: DemoAccount = {
  email: "platform@entas.test",
  name: "Admin Platform",
  role: "PLATFORM_ADMIN",
};
