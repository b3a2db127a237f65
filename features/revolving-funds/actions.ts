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
} from "@/features/revolving-funds/action-definitions";

export const createFundAction = tenantAction(createFundDefinition);
export const updateFundAction = tenantAction(updateFundDefinition);
export const addCapitalAction = tenantAction(addCapitalDefinition);
export const createLoanAction = tenantAction(createLoanDefinition);
export const approveLoanAction = tenantAction(approveLoanDefinition);
export const rejectLoanAction = tenantAction(rejectLoanDefinition);
export const disburseLoanAction = tenantAction(disburseLoanDefinition);
export const recordRepaymentAction = tenantAction(recordRepaymentDefinition);
export const writeOffLoanAction = tenantAction(writeOffLoanDefinition);
export const importRepaymentsAction = tenantAction(importRepaymentsDefinition);
