// How soon a worker takes a job: what a user's page waits on is looked for every half second.
import { describe, expect, it } from "vitest";
import { registryCheckJob, registryCommitJob, registryImportJobs } from "@/features/registry/import/jobs";
import { housekeepingJobs } from "@/lib/jobs/housekeeping";
import { pollingIntervalOf, WAITED_ON_POLLING_SECONDS } from "@/lib/jobs/worker";
import { importStatisticsDefinition } from "@/features/statistics/import";

describe("a worker's polling", () => {
  it("looks for the jobs a user waits on every half second, for the scheduled ones every 2 s", () => {
    for (const kind of [registryCheckJob, registryCommitJob, importStatisticsDefinition.job]) {
      expect(pollingIntervalOf(kind, {}), kind.name).toBe(WAITED_ON_POLLING_SECONDS);
    }
    for (const kind of housekeepingJobs) expect(pollingIntervalOf(kind, {}), kind.name).toBe(2);
    expect(registryImportJobs.filter((kind) => kind.cron).every((kind) => pollingIntervalOf(kind, {}) === 2)).toBe(true);
  });

  it("keeps the interval a worker was given (tests poll faster)", () => {
    expect(pollingIntervalOf(registryCheckJob, { pollingIntervalSeconds: 0.5 })).toBe(0.5);
    expect(pollingIntervalOf(housekeepingJobs[0], { pollingIntervalSeconds: 1 })).toBe(1);
  });
});
