"use server";

import { tenantAction } from "@/lib/actions/server";
import {
  addCapitalDefinition,
  approveLoanDefinition,
  createFundDefinition,
  createLoanDefinition,
  disburseLoanDefinition,
  recordRepaymentDefinition,
  rejectLoanDefinition,
  updateFundDefinition,
  writeOffLoanDefinition,
  importRepaymentsDefinition,
} from "@/lib/revolving-funds/actions";

export const createFund = tenantAction(createFundDefinition);
export const updateFund = tenantAction(updateFundDefinition);
export const addCapital = tenantAction(addCapitalDefinition);
export const createLoan = tenantAction(createLoanDefinition);
export const approveLoan = tenantAction(approveLoanDefinition);
export const rejectLoan = tenantAction(rejectLoanDefinition);
export const disburseLoan = tenantAction(disburseLoanDefinition);
export const recordRepayment = tenantAction(recordRepaymentDefinition);
export const writeOffLoan = tenantAction(writeOffLoanDefinition);
export const importRepayments = tenantAction(importRepaymentsDefinition);
