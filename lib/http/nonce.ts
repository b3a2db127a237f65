import { headers } from "next/headers";
import { NONCE_HEADER } from "./security-headers";

/** This request's CSP nonce, for a server component's own inline `<style>`. */
export async function cspNonce(): Promise<string | undefined> {
  return (await headers()).get(NONCE_HEADER) ?? undefined;
}
