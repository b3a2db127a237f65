/** Runs once as each server process starts (Next.js instrumentation). */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { installClientAddressHook } = await import("@/lib/auth/client-address-hook");
  installClientAddressHook();
}
