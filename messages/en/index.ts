import Metadata from "./Metadata.json" with { type: "json" };
import Brand from "./Brand.json" with { type: "json" };
import Shell from "./Shell.json" with { type: "json" };
import LanguageSwitch from "./LanguageSwitch.json" with { type: "json" };
import Nav from "./Nav.json" with { type: "json" };
import QuarterlyReport from "./QuarterlyReport.json" with { type: "json" };
import Home from "./Home.json" with { type: "json" };
import NotFound from "./NotFound.json" with { type: "json" };
import Error from "./Error.json" with { type: "json" };
import Money from "./Money.json" with { type: "json" };
import SignIn from "./SignIn.json" with { type: "json" };
import Account from "./Account.json" with { type: "json" };
import Platform from "./Platform.json" with { type: "json" };
import Audit from "./Audit.json" with { type: "json" };
import Privacy from "./Privacy.json" with { type: "json" };
import Users from "./Users.json" with { type: "json" };
import Opds from "./Opds.json" with { type: "json" };
import Areas from "./Areas.json" with { type: "json" };
import PublicPage from "./PublicPage.json" with { type: "json" };
import Registry from "./Registry.json" with { type: "json" };
import Household from "./Household.json" with { type: "json" };
import ChangeRequests from "./ChangeRequests.json" with { type: "json" };
import RegistryImport from "./RegistryImport.json" with { type: "json" };
import Duplicates from "./Duplicates.json" with { type: "json" };
import SubjectAccess from "./SubjectAccess.json" with { type: "json" };
import Programmes from "./Programmes.json" with { type: "json" };
import Budget from "./Budget.json" with { type: "json" };
import Trainings from "./Trainings.json" with { type: "json" };
import Aid from "./Aid.json" with { type: "json" };
import TargetHouseholds from "./TargetHouseholds.json" with { type: "json" };
import PovertyDashboard from "./PovertyDashboard.json" with { type: "json" };
import Statistics from "./Statistics.json" with { type: "json" };
import Dashboards from "./Dashboards.json" with { type: "json" };
import BudgetDashboard from "./BudgetDashboard.json" with { type: "json" };
import ResultsDashboard from "./ResultsDashboard.json" with { type: "json" };
import RevolvingFunds from "./RevolvingFunds.json" with { type: "json" };
import RevolvingFundsDashboard from "./RevolvingFundsDashboard.json" with { type: "json" };
import Spreadsheet from "./Spreadsheet.json" with { type: "json" };
import UploadLimits from "./UploadLimits.json" with { type: "json" };
import Jobs from "./Jobs.json" with { type: "json" };
import Entries from "./Entries.json" with { type: "json" };
import Success from "./Success.json" with { type: "json" };
import Validation from "./Validation.json" with { type: "json" };
import Fields from "./Fields.json" with { type: "json" };
import Lists from "./Lists.json" with { type: "json" };
import AnnualReport from "./AnnualReport.json" with { type: "json" };

/** The English catalogue: one file per namespace, so areas of the app edit their own. */
const messages = {
  Metadata,
  Brand,
  Shell,
  LanguageSwitch,
  Nav,
  Home,
  NotFound,
  Error,
  Money,
  SignIn,
  Account,
  Platform,
  Audit,
  Privacy,
  Users,
  Opds,
  Areas,
  PublicPage,
  Registry,
  Household,
  ChangeRequests,
  RegistryImport,
  Duplicates,
  SubjectAccess,
  Programmes,
  Budget,
  Trainings,
  Aid,
  TargetHouseholds,
  PovertyDashboard,
  Statistics,
  Dashboards,
  BudgetDashboard,
  ResultsDashboard,
  RevolvingFunds,
  RevolvingFundsDashboard,
  QuarterlyReport,
  Spreadsheet,
  UploadLimits,
  Jobs,
  Entries,
  Success,
  Validation,
  Fields,
  Lists,
  AnnualReport,
};

export default messages;
