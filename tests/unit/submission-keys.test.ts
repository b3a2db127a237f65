// Every server action is held to a choice: it adds records, and so runs once per submission
// key (lib/actions/submissions.ts), or it is listed below with why a repeat adds nothing. A new
// action fails here until it makes that choice.
import { describe, expect, it, vi } from "vitest";
import { registeredActions } from "@/lib/actions/server";
import { decodeResult, encodeResult } from "@/lib/actions/stored-result";
import { isSubmissionKey, newSubmissionKey } from "@/lib/actions/submission-key";
import { readSource, ROOT, sourceFiles } from "../helpers/source-files";

vi.mock("server-only", () => ({}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("next/headers", () => ({ headers: async () => new Headers(), cookies: async () => ({ getAll: () => [], set: () => {} }) }));
vi.mock("next/navigation", () => ({ redirect: () => {}, notFound: () => {} }));
vi.mock("next-intl/server", () => ({ getTranslations: async () => (key: string) => key, getLocale: async () => "id" }));
vi.mock("@/lib/auth/session", () => ({ getSessionUser: async () => null }));

/** Actions that add no record, or whose repeat cannot add one; each with the reason. */
const ADDS_NOTHING_AGAIN: Record<string, string> = {
  "aid.update": "edits a draft at the version its form showed; a repeat is refused as stale",
  "aid.delete": "deletes a draft",
  "aid.return": "sets the draft's note; a repeat sets the same note again",
  "aid.resubmit": "clears the draft's note; a repeat is refused",
  "budget.realisations.return": "sets the draft's note; a repeat sets the same note again",
  "budget.realisations.resubmit": "clears the draft's note; a repeat is refused",
  "trainings.return": "sets the draft's note; a repeat sets the same note again",
  "trainings.resubmit": "clears the draft's note; a repeat is refused",
  "trainings.participants.return": "sets the draft's note; a repeat sets the same note again",
  "trainings.participants.resubmit": "clears the draft's note; a repeat is refused",
  "audit.retention.save": "replaces the city's two retention periods",
  "aid.verify": "verifies drafts; verified ones are left as they are",
  "aid.import": "a file import: rows already recorded (same NOMOR BUKTI) are refused; its report holds the file's rows, not kept with a key",
  "areas.sync": "makes the city's areas equal to the reference list",
  "areas.rename": "edits",
  "budget.realisations.update": "edits a draft",
  "budget.realisations.delete": "deletes a draft",
  "budget.realisations.verify": "verifies drafts",
  "budget.realisations.import": "a file import: its report holds the file's rows, not kept with a key",
  "opds.rename": "edits",
  "opds.deactivate": "a state change",
  "opds.reactivate": "a state change",
  "opds.set-registry-role": "a setting",
  "programmes.update": "edits",
  "programmes.delete": "deletes",
  "programmes.budgetLines.update": "edits",
  "programmes.budgetLines.delete": "deletes",
  "registry.revealPersonal": "shows a number (the view is audited)",
  "registry.lookupNumber": "finds a household; every lookup is audited and counted against the limit, a repeat too",
  "registry.changeRequests.decide": "a pending request is decided once",
  "registry.duplicates.scan": "one candidate per pair (unique)",
  "registry.duplicates.resolve": "an open candidate is resolved once",
  "revolvingFunds.funds.update": "edits",
  "revolvingFunds.loans.approve": "a proposed loan is approved once",
  "revolvingFunds.loans.reject": "a proposed loan is rejected once",
  "revolvingFunds.loans.disburse": "an approved loan is disbursed once (its schedule with it)",
  "revolvingFunds.loans.writeOff": "a running loan is written off once",
  "revolvingFunds.loans.importRepayments": "a file import: a receipt number is recorded once per loan; its report holds the file's rows",
  "statistics.save": "replaces the year's figures",
  "statistics.delete": "deletes",
  "statistics.targets.save": "replaces the year's target",
  "statistics.targets.delete": "deletes",
  "statistics.import": "replaces the years' figures",
  "publicPage.switch": "sets the city's setting to the value sent",
  "trainings.update": "edits a draft",
  "trainings.delete": "deletes a draft",
  "trainings.cancel": "a state change",
  "trainings.verify": "verifies",
  "trainings.participants.remove": "deletes",
  "trainings.participants.complete": "a state change, once",
  "trainings.participants.withdraw": "a state change, once",
  "trainings.participants.verify": "verifies",
  "trainings.participants.import": "a file import: one participation per member (unique); its report holds the file's rows",
  "trainings.attendance.record": "one attendance per participant and day (unique, duplicates skipped)",
  "trainings.followUps.record": "fills in the follow-up of a participant and month (unique)",
  "users.create":
    "an email is one account in every city, so a repeat is refused as taken; its answer holds the generated password, shown once and never stored with a key",
  "users.update": "edits",
  "users.resetPassword": "replaces a password",
  "users.deactivate": "a state change",
  "users.reactivate": "a state change",
  "users.unlock": "forgets the account's sign-in counters",
};

const USE_SERVER_FIRST = /^(?:\s+|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*["']use server["']/;
const serverFiles = sourceFiles(["app", "features", "lib"], /\.ts$/).filter((file) => USE_SERVER_FIRST.test(readSource(file)));
await Promise.all(serverFiles.map((file) => import(`${ROOT}/${file}`)));
const { tenant } = registeredActions();

describe("submission keys", () => {
  it("finds the actions of the code", () => {
    expect(tenant.map((definition) => definition.name)).toEqual(expect.arrayContaining(["trainings.create", "revolvingFunds.loans.repay"]));
  });

  for (const definition of tenant) {
    const reason = ADDS_NOTHING_AGAIN[definition.name];
    it(`${definition.name} ${reason ? `adds nothing again: ${reason}` : "adds records, so it needs a submission key"}`, () => {
      expect(definition.createsRecords === true, `${definition.name}: mark it createsRecords, or list it here with why a repeat adds nothing`).toBe(
        reason === undefined,
      );
    });
  }

  it("lists no action that does not exist", () => {
    const names = new Set(tenant.map((definition) => definition.name));
    expect(Object.keys(ADDS_NOTHING_AGAIN).filter((name) => !names.has(name))).toEqual([]);
  });

  it("makes keys that the pipeline accepts, each new", () => {
    const keys = Array.from({ length: 50 }, newSubmissionKey);
    expect(keys.every(isSubmissionKey)).toBe(true);
    expect(new Set(keys).size).toBe(50);
    expect(isSubmissionKey("not-a-key")).toBe(false);
  });

  it("keeps a result's money and days through storage", () => {
    const result = { loanId: "l1", principalPart: 570_000n, paidAt: new Date("2026-02-09T00:00:00Z"), parts: [1n, null] };
    expect(decodeResult(JSON.parse(JSON.stringify(encodeResult(result))))).toEqual(result);
  });
});
