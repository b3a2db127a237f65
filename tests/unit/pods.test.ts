import { describe, expect, it } from "vitest";
import { MAIN_POD, podNames, podTargets } from "@/lib/db/pods";

describe("pods", () => {
  it("is the main database alone when DATABASE_PODS is unset", () => {
    expect(podNames({ DATABASE_URL: "postgresql://a/entas" })).toEqual([MAIN_POD]);
  });

  it("reads the other pods from DATABASE_PODS, the main pod first", () => {
    const pods = podTargets({ DATABASE_URL: "postgresql://a/entas", DATABASE_PODS: " pod2=postgresql://b:5433/entas , pod3=postgresql://c/entas" });
    expect([...pods.keys()]).toEqual(["main", "pod2", "pod3"]);
    expect(pods.get("pod2")).toEqual({ kind: "postgres", url: "postgresql://b:5433/entas" });
  });

  it("takes the direct URL of the main pod for owner tools", () => {
    const pods = podTargets({ DATABASE_URL: "postgresql://bouncer/entas", DATABASE_DIRECT_URL: "postgresql://a/entas" }, { direct: true });
    expect(pods.get(MAIN_POD)).toEqual({ kind: "postgres", url: "postgresql://a/entas" });
  });

  it.each([["pod2"], ["=postgresql://b"], ["Pod2=postgresql://b"], ["pod2=postgresql://b,pod2=postgresql://c"]])("refuses %s", (pods) => {
    expect(() => podTargets({ DATABASE_URL: "postgresql://a/entas", DATABASE_PODS: pods })).toThrow(/DATABASE_PODS/);
  });

  it("refuses other pods beside the embedded database", () => {
    expect(() => podTargets({ DATABASE_PODS: "pod2=postgresql://b/entas" })).toThrow(/embedded/);
  });
});
