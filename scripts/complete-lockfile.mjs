// Adds lockfile entries for other platforms' optional binaries (@next/swc-darwin-arm64,
// @tailwindcss/oxide-win32-x64-msvc, …) that npm leaves out when its registry does not
// serve them — as on our build machines. Without them `npm ci` refuses the lockfile
// ("Missing: … from lock file"). Each entry names its os/cpu, so npm skips it on other
// platforms and fetches it by version where it applies.
// Run after every `npm install <package>`: `npm run lockfile:complete`.
import { readFileSync, writeFileSync } from "node:fs";

const file = new URL("../package-lock.json", import.meta.url);
const lock = JSON.parse(readFileSync(file, "utf8"));
const packages = lock.packages;
const OSES = ["darwin", "linux", "win32", "android", "freebsd", "openbsd", "sunos", "aix"];
const CPUS = ["arm64", "x64", "ia32", "arm", "ppc64", "s390x", "riscv64", "loong64"];

let added = 0;
for (const meta of Object.values(packages)) {
  for (const [name, version] of Object.entries(meta.optionalDependencies ?? {})) {
    const key = `node_modules/${name}`;
    if (packages[key]) continue;
    packages[key] = { version, optional: true, ...platformOf(name) };
    added += 1;
  }
}

function platformOf(name) {
  const parts = name.split("/").pop().split("-");
  if (parts.includes("wasm32")) return { cpu: ["wasm32"] };
  const os = OSES.find((candidate) => parts.includes(candidate));
  const cpu = CPUS.find((candidate) => parts.includes(candidate) || parts.includes(`${candidate}e`));
  return { ...(os && { os: [os] }), ...(cpu && { cpu: [cpu] }) };
}

if (added > 0) {
  lock.packages = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b))));
  writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
}
console.log(`complete-lockfile: ${added} optional platform entries added`);
