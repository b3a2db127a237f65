"use client";

import { useState } from "react";
import { newSubmissionKey, SUBMISSION_KEY_FIELD } from "@/lib/actions/submission-key";

export type SubmissionKey = {
  /** Adds the key to the data about to be sent. */
  stamp: (data: FormData) => FormData;
  /** After a success: the next send is a new submission. */
  renew: () => void;
};

/**
 * The key of one filled-in form: every send of it carries the same key, so the server adds its
 * records once however often it arrives (a double click, a retry after a lost answer). After a
 * success the form gets a new key, and filling it in again is a new submission. The same
 * object on every render, so it can sit in an effect's dependencies.
 */
export function useSubmissionKey(): SubmissionKey {
  const [submissionKey] = useState<SubmissionKey>(() => {
    let key: string | null = null;
    return {
      stamp(data) {
        key ??= newSubmissionKey();
        data.set(SUBMISSION_KEY_FIELD, key);
        return data;
      },
      renew() {
        key = null;
      },
    };
  });
  return submissionKey;
}
