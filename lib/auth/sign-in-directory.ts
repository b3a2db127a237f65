// Sign-in finds an account by email in the platform directory on the main pod
// (SignInDirectory). Each database keeps its own users' rows there by trigger
// (prisma/sql/tenancy.sql); a user of a city on another pod is claimed on the main pod too,
// here, so that an email names one account across every pod.
import { mainPodOfScope } from "@/lib/db/tenant-scope";

/**
 * Claims a new user's email on the main pod, from the scope that created the user. On the
 * main pod the trigger already did, in the same transaction. Elsewhere the claim commits on
 * its own and is withdrawn if the city's transaction then fails; an email already claimed
 * fails as the unique index of User does (Prisma's P2002).
 */
export async function claimSignIn(entry: { email: string; userId: string; tenantId: string }): Promise<void> {
  const main = mainPodOfScope();
  if (!main) return;
  await main.scopes.withTenant(entry.tenantId, (tx) => tx.signInDirectory.create({ data: entry }));
  main.onFailure(() => main.scopes.withTenant(entry.tenantId, (tx) => tx.signInDirectory.deleteMany({ where: { userId: entry.userId } })));
}
