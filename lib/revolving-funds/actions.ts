// Dana PEM server actions (issue 7). The kelurahan comes from the session user (scope.ts).
import { defineAction, type AnyActionDefinition } from "@/lib/actions/define";
import { addCapital, createFund, updateFund } from "./funds";
import { approveLoan, createLoan, disburseLoan, rejectLoan, writeOffLoan } from "./loans";
import { importRepaymentsDefinition } from "./repayment-import";
import { recordRepayment } from "./repayments";
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
} from "./schemas";

export const fundPath = (slug: string) => `/${slug}/dana-pem`;
export const loanPath = (slug: string, loanId: string) => `/${slug}/dana-pem/pinjaman/${loanId}`;
const rollupPath = (slug: string) => `/${slug}/dasbor/dana-pem`;

const afterFund = (slug: string) => [fundPath(slug), rollupPath(slug)];
const afterLoan = (slug: string, result: { loanId: string }) => [fundPath(slug), loanPath(slug, result.loanId), rollupPath(slug)];

export const createFundDefinition = defineAction({
  name: "funds.create",
  permission: "fund:write",
  schema: createFundSchema,
  run: (ctx, input) => createFund(ctx, input),
  revalidate: afterFund,
  successMessage: "Dana PEM dibuat. Catat modal yang diterima.",
});

export const updateFundDefinition = defineAction({
  name: "funds.update",
  permission: "fund:write",
  schema: updateFundSchema,
  run: (ctx, input) => updateFund(ctx, input),
  revalidate: afterFund,
  successMessage: "Aturan dana disimpan.",
});

export const addCapitalDefinition = defineAction({
  name: "funds.addCapital",
  permission: "fund:write",
  schema: addCapitalSchema,
  run: (ctx, input) => addCapital(ctx, input),
  revalidate: afterFund,
  successMessage: "Modal dicatat.",
});

export const createLoanDefinition = defineAction({
  name: "loans.create",
  permission: "fund:write",
  schema: createLoanSchema,
  run: (ctx, input) => createLoan(ctx, input),
  revalidate: afterLoan,
  successMessage: "Usulan pinjaman dicatat. Mintakan persetujuan Lurah atau LPM.",
});

export const approveLoanDefinition = defineAction({
  name: "loans.approve",
  permission: "fund:write",
  schema: approveLoanSchema,
  run: (ctx, input) => approveLoan(ctx, input),
  revalidate: afterLoan,
  successMessage: "Pinjaman disetujui.",
});

export const rejectLoanDefinition = defineAction({
  name: "loans.reject",
  permission: "fund:write",
  schema: loanIdSchema,
  run: (ctx, input) => rejectLoan(ctx, input),
  revalidate: afterLoan,
  successMessage: "Usulan pinjaman ditolak.",
});

export const disburseLoanDefinition = defineAction({
  name: "loans.disburse",
  permission: "fund:write",
  schema: disburseLoanSchema,
  run: (ctx, input) => disburseLoan(ctx, input),
  revalidate: afterLoan,
  successMessage: "Pinjaman dicairkan; jadwal angsuran dibuat.",
});

export const recordRepaymentDefinition = defineAction({
  name: "loans.repay",
  permission: "fund:write",
  schema: recordRepaymentSchema,
  run: async (ctx, input) => {
    const result = await recordRepayment(ctx, input);
    return { loanId: result.loanId, repaymentId: result.repaymentId };
  },
  revalidate: afterLoan,
  successMessage: "Pembayaran dicatat.",
});

export const writeOffLoanDefinition = defineAction({
  name: "loans.writeOff",
  permission: "fund:write",
  schema: writeOffLoanSchema,
  run: (ctx, input) => writeOffLoan(ctx, input),
  revalidate: afterLoan,
  successMessage: "Pinjaman dihapusbukukan.",
});

export { importRepaymentsDefinition };

/** Every Dana PEM action, for lib/actions/registry.ts. */
export const revolvingFundActionDefinitions: readonly AnyActionDefinition[] = [
  createFundDefinition,
  updateFundDefinition,
  addCapitalDefinition,
  createLoanDefinition,
  approveLoanDefinition,
  rejectLoanDefinition,
  disburseLoanDefinition,
  recordRepaymentDefinition,
  writeOffLoanDefinition,
  importRepaymentsDefinition,
];
