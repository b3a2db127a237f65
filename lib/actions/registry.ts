// Every server action of the app, by domain. The permission-matrix test runs each one for
// every role, in its own city and in another; a new domain adds its list here.
import { aidActionDefinitions } from "@/features/aid/action-definitions";
import { areaActionDefinitions } from "@/features/areas/action-definitions";
import { budgetActionDefinitions } from "@/features/budget/action-definitions";
import { opdActionDefinitions } from "@/features/opds/action-definitions";
import { programmeActionDefinitions } from "@/features/programmes/action-definitions";
import { registryActionDefinitions } from "@/features/registry/action-definitions";
import { registryImportActionDefinitions } from "@/features/registry/import/action-definitions";
import { revolvingFundActionDefinitions } from "@/features/revolving-funds/action-definitions";
import { statisticsActionDefinitions } from "@/features/statistics/action-definitions";
import { platformActionDefinitions } from "@/features/platform/action-definitions";
import { trainingActionDefinitions } from "@/features/trainings/action-definitions";
import { userActionDefinitions } from "@/features/users/action-definitions";
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
