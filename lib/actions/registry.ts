// Every server action of the app, by domain. The permission-matrix test runs each one for
// every role, in its own city and in another; a new domain adds its list here.
import { aidActionDefinitions } from "@/lib/aid/actions";
import { areaActionDefinitions } from "@/lib/areas/actions";
import { budgetActionDefinitions } from "@/lib/budget/actions";
import { opdActionDefinitions } from "@/lib/opds/actions";
import { programmeActionDefinitions } from "@/lib/programmes/actions";
import { registryActionDefinitions } from "@/lib/registry/actions";
import { registryImportActionDefinitions } from "@/lib/registry/import/actions";
import { revolvingFundActionDefinitions } from "@/lib/revolving-funds/actions";
import { statisticsActionDefinitions } from "@/lib/statistics/actions";
import { platformActionDefinitions } from "@/lib/tenant/platform-actions";
import { trainingActionDefinitions } from "@/lib/trainings/actions";
import { userActionDefinitions } from "@/lib/users/actions";
import type { AnyActionDefinition } from "./define";

export const tenantActionDefinitions: readonly AnyActionDefinition[] = [
  ...userActionDefinitions,
  ...opdActionDefinitions,
  ...areaActionDefinitions,
  ...programmeActionDefinitions,
  ...budgetActionDefinitions,
  ...trainingActionDefinitions,
  ...aidActionDefinitions,
  ...registryActionDefinitions,
  ...registryImportActionDefinitions,
  ...revolvingFundActionDefinitions,
  ...statisticsActionDefinitions,
];

export { platformActionDefinitions };
