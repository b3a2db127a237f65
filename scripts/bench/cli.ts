/** `--name value` or `--name=value` from the command line. */
export function flag(name: string): string | undefined {
  const args = process.argv.slice(2);
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === `--${name}`) return args[i + 1];
    if (arg.startsWith(`--${name}=`)) return arg.slice(name.length + 3);
  }
  return undefined;
}

/** The benchmark's database (--database, default entas_bench) on the server of DATABASE_URL. */
export function benchDatabaseUrl(): { serverUrl: string; url: string; database: string } {
  const serverUrl = process.env.DATABASE_URL?.trim() || "postgresql://postgres@127.0.0.1:5432/postgres";
  const database = flag("database") ?? "entas_bench";
  if (!/^[a-z0-9_]+$/.test(database)) throw new Error("--database: lower-case letters, digits and _ only");
  return { serverUrl, url: withDatabase(serverUrl, database), database };
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
