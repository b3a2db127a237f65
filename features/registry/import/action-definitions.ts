// Server actions of the registry import: none. The upload, the dry run and the commit go
// through the route handler app/[tenant]/registri/impor/unggah (a server action's body is
// capped and buffered whole, and an extract of 100,000 rows is 10–20 MB), which checks the
// session, the city and registry:import itself. The list is exported for the
// permission-matrix test, which iterates every domain's actions.
import type { AnyActionDefinition } from "@/lib/actions/define";

export const registryImportActionDefinitions: readonly AnyActionDefinition[] = [];
