import type { DatabaseTarget } from "./adapter";
import { databaseTarget } from "./adapter";

/**
 * Cities live on one of several PostgreSQL servers ("pods"), each with the whole schema. The
 * main pod is DATABASE_URL; it also holds the platform directory (every city's `Tenant` row,
 * with the pod it lives on). The others are named in DATABASE_PODS:
 * `pod2=postgresql://…,pod3=postgresql://…`.
 */
export const MAIN_POD = "main";

const POD_NAME = /^[a-z][a-z0-9-]{0,30}$/;

/** Every pod's target by name, the main pod first. */
export function podTargets(env: Record<string, string | undefined> = process.env, options: { direct?: boolean } = {}): Map<string, DatabaseTarget> {
  const pods = new Map<string, DatabaseTarget>([[MAIN_POD, databaseTarget(env, options)]]);
  for (const entry of (env.DATABASE_PODS ?? "").split(",")) {
    const trimmed = entry.trim();
    if (!trimmed) continue;
    const at = trimmed.indexOf("=");
    const name = trimmed.slice(0, at).trim();
    const url = trimmed.slice(at + 1).trim();
    if (at < 1 || !POD_NAME.test(name) || !url) throw new Error(`DATABASE_PODS: "${trimmed}" is not name=postgresql://…`);
    if (pods.has(name)) throw new Error(`DATABASE_PODS: pod "${name}" is named twice`);
    if (pods.get(MAIN_POD)?.kind !== "postgres") throw new Error("DATABASE_PODS needs DATABASE_URL: the embedded database is one pod only");
    pods.set(name, { kind: "postgres", url });
  }
  return pods;
}

/** The names of the pods a city may be placed on, the main pod first. */
export function podNames(env: Record<string, string | undefined> = process.env): string[] {
  return [...podTargets(env).keys()];
}
