// Where the pods test's server set lives: shared by scripts/pods/start.mjs, its Playwright
// configuration and the spec, which reads both databases to check where each city's rows are.
import { secondServerUrl } from "./second-server.mjs";

export function podsPort(env = process.env) {
  return Number(env.PODS_PORT ?? 3410);
}

export function podsDatabases(env = process.env) {
  const serverUrl = env.DATABASE_URL?.trim() || "postgresql://postgres@127.0.0.1:5432/postgres";
  const on = (url, name) => {
    const parsed = new URL(url);
    parsed.pathname = `/${name}`;
    return parsed.toString();
  };
  return {
    main: { name: "entas_pods_main", serverUrl, url: on(serverUrl, "entas_pods_main") },
    pod2: { name: "entas_pods_pod2", url: secondServerUrl("entas_pods_pod2") },
  };
}
