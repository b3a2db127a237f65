import type { CitySpec } from "./types";

/**
 * A city's plan moved to the year of `today`: its programmes' fiscal years keep their distance
 * to the plan's current year (`fiscalYear`), so that year's programmes are this year's and the
 * ones before are closed years; the Dana PEM funds end the year before, the live fund being
 * this year's. Official statistics and targets keep their real years.
 */
export function cityOn(city: CitySpec, today: Date): CitySpec {
  const year = today.getUTCFullYear();
  const shift = year - city.fiscalYear;
  const lastFundYear = Math.max(...city.revolvingFunds.map((fund) => fund.year));
  const fundShift = year - 1 - lastFundYear;
  return {
    ...city,
    fiscalYear: year,
    programmes: city.programmes.map((programme) => ({ ...programme, fiscalYear: programme.fiscalYear + shift })),
    revolvingFunds: city.revolvingFunds.map((fund) => ({ ...fund, year: fund.year + fundShift })),
  };
}
