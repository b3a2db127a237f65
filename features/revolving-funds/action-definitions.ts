// Dana PEM server actions. The kelurahan comes from the session user (scope.ts).
import { defineAction } from "@/lib/actions/define";
import { addCapital, createFund, updateFund } from "@/features/revolving-funds/funds";
import { approveLoan, createLoan, disburseLoan, rejectLoan, writeOffLoan } from "@/features/revolving-funds/loans";
import { importRepaymentsDefinition } from "@/features/revolving-funds/repayment-import";
import { recordRepayment } from "@/features/revolving-funds/repayments";
import {
  addCapitalSchema,
  approveLoanSchema,
  createFundSchema,
  createLoanSchema,
  disburseLoanSchema,
  loanIdSchema,
  recordRepaymentSchema,
  updateFundSchema,
  writeOffLoanSchema,
} from "@/features/revolving-funds/schemas";
import { dashboardsRoutes } from "@/features/dashboards/routes";
import { revolvingFundsRoutes } from "@/features/revolving-funds/routes";

const afterFund = (slug: string) => [revolvingFundsRoutes.list(slug), dashboardsRoutes.revolvingFunds(slug)];
const afterLoan = (slug: string, result: { loanId: string }) => [
  revolvingFundsRoutes.list(slug),
  revolvingFundsRoutes.loan(slug, result.loanId),
  dashboardsRoutes.revolvingFunds(slug),
];

export const createFundDefinition = defineAction({
  name: "revolvingFunds.funds.create",
  createsRecords: true,
  permission: "revolving-fund:write",
  schema: createFundSchema,
  run: (ctx, input) => createFund(ctx, input),
  revalidate: afterFund,
  successMessage: "Success.revolvingFunds.funds.create",
});

export const updateFundDefinition = defineAction({
  name: "revolvingFunds.funds.update",
  permission: "revolving-fund:write",
  schema: updateFundSchema,
  run: (ctx, input) => updateFund(ctx, input),
  revalidate: afterFund,
  successMessage: "Success.revolvingFunds.funds.update",
});

export const addCapitalDefinition = defineAction({
  name: "revolvingFunds.funds.addCapital",
  createsRecords: true,
  permission: "revolving-fund:write",
  schema: addCapitalSchema,
  run: (ctx, input) => addCapital(ctx, input),
  revalidate: afterFund,
  successMessage: "Success.revolvingFunds.funds.addCapital",
});

export const createLoanDefinition = defineAction({
  name: "revolvingFunds.loans.create",
  createsRecords: true,
  permission: "revolving-fund:write",
  schema: createLoanSchema,
  run: (ctx, input) => createLoan(ctx, input),
  revalidate: afterLoan,
  successMessage: "Success.revolvingFunds.loans.create",
});

export const approveLoanDefinition = defineAction({
  name: "revolvingFunds.loans.approve",
  permission: "revolving-fund:approve",
  schema: approveLoanSchema,
  run: (ctx, input) => approveLoan(ctx, input),
  revalidate: afterLoan,
  successMessage: "Success.revolvingFunds.loans.approve",
});

export const rejectLoanDefinition = defineAction({
  name: "revolvingFunds.loans.reject",
  permission: "revolving-fund:write",
  schema: loanIdSchema,
  run: (ctx, input) => rejectLoan(ctx, input),
  revalidate: afterLoan,
  successMessage: "Success.revolvingFunds.loans.reject",
});

export const disburseLoanDefinition = defineAction({
  name: "revolvingFunds.loans.disburse",
  permission: "revolving-fund:write",
  schema: disburseLoanSchema,
  run: (ctx, input) => disburseLoan(ctx, input),
  revalidate: afterLoan,
  successMessage: "Success.revolvingFunds.loans.disburse",
});

export const recordRepaymentDefinition = defineAction({
  name: "revolvingFunds.loans.repay",
  createsRecords: true,
  permission: "revolving-fund:write",
  schema: recordRepaymentSchema,
  run: async (ctx, input) => {
    const result = await recordRepayment(ctx, input);
    return { loanId: result.loanId, repaymentId: result.repaymentId };
  },
  revalidate: afterLoan,
  successMessage: "Success.revolvingFunds.loans.repay",
});

export const writeOffLoanDefinition = defineAction({
  name: "revolvingFunds.loans.writeOff",
  permission: "revolving-fund:write",
  schema: writeOffLoanSchema,
  run: (ctx, input) => writeOffLoan(ctx, input),
  revalidate: afterLoan,
  successMessage: "Success.revolvingFunds.loans.writeOff",
});

export { importRepaymentsDefinition };
