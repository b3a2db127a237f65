-- DropForeignKey
ALTER TABLE "AidDistribution" DROP CONSTRAINT "AidDistribution_tenantId_budgetLineId_fkey";

-- DropForeignKey
ALTER TABLE "AidDistribution" DROP CONSTRAINT "AidDistribution_tenantId_fkey";

-- DropForeignKey
ALTER TABLE "AidDistribution" DROP CONSTRAINT "AidDistribution_tenantId_householdId_fkey";

-- DropForeignKey
ALTER TABLE "AidDistribution" DROP CONSTRAINT "AidDistribution_tenantId_memberId_fkey";

-- DropForeignKey
ALTER TABLE "AidDistribution" DROP CONSTRAINT "AidDistribution_tenantId_opdId_fkey";

-- DropForeignKey
ALTER TABLE "AidDistribution" DROP CONSTRAINT "AidDistribution_tenantId_programmeId_fkey";

-- DropForeignKey
ALTER TABLE "AidDistribution" DROP CONSTRAINT "AidDistribution_tenantId_reversesId_fkey";

-- DropForeignKey
ALTER TABLE "AidDistribution" DROP CONSTRAINT "AidDistribution_tenantId_trainingParticipantId_fkey";

-- DropForeignKey
ALTER TABLE "AidDistributionTotal" DROP CONSTRAINT "AidDistributionTotal_tenantId_fkey";

-- DropForeignKey
ALTER TABLE "AidDistributionTotal" DROP CONSTRAINT "AidDistributionTotal_tenantId_programmeId_fkey";

-- DropForeignKey
ALTER TABLE "Area" DROP CONSTRAINT "Area_tenantId_fkey";

-- DropForeignKey
ALTER TABLE "Area" DROP CONSTRAINT "Area_tenantId_parentId_fkey";

-- DropForeignKey
ALTER TABLE "AuditLog" DROP CONSTRAINT "AuditLog_tenantId_fkey";

-- DropForeignKey
ALTER TABLE "BackgroundJob" DROP CONSTRAINT "BackgroundJob_tenantId_fkey";

-- DropForeignKey
ALTER TABLE "BpjsCoverEnd" DROP CONSTRAINT "BpjsCoverEnd_tenantId_fkey";

-- DropForeignKey
ALTER TABLE "BpjsDoubleCover" DROP CONSTRAINT "BpjsDoubleCover_tenantId_fkey";

-- DropForeignKey
ALTER TABLE "BudgetLine" DROP CONSTRAINT "BudgetLine_tenantId_fkey";

-- DropForeignKey
ALTER TABLE "BudgetLine" DROP CONSTRAINT "BudgetLine_tenantId_programmeId_fkey";

-- DropForeignKey
ALTER TABLE "BudgetLineTotal" DROP CONSTRAINT "BudgetLineTotal_tenantId_budgetLineId_fkey";

-- DropForeignKey
ALTER TABLE "BudgetLineTotal" DROP CONSTRAINT "BudgetLineTotal_tenantId_fkey";

-- DropForeignKey
ALTER TABLE "BudgetRealisation" DROP CONSTRAINT "BudgetRealisation_tenantId_budgetLineId_fkey";

-- DropForeignKey
ALTER TABLE "BudgetRealisation" DROP CONSTRAINT "BudgetRealisation_tenantId_fkey";

-- DropForeignKey
ALTER TABLE "BudgetRealisation" DROP CONSTRAINT "BudgetRealisation_tenantId_reversesId_fkey";

-- DropForeignKey
ALTER TABLE "ChangeRequest" DROP CONSTRAINT "ChangeRequest_tenantId_fkey";

-- DropForeignKey
ALTER TABLE "ChangeRequest" DROP CONSTRAINT "ChangeRequest_tenantId_householdId_fkey";

-- DropForeignKey
ALTER TABLE "DashboardTrainingCount" DROP CONSTRAINT "DashboardTrainingCount_tenantId_fkey";

-- DropForeignKey
ALTER TABLE "DuplicateCandidate" DROP CONSTRAINT "DuplicateCandidate_tenantId_fkey";

-- DropForeignKey
ALTER TABLE "ExportFile" DROP CONSTRAINT "ExportFile_tenantId_fkey";

-- DropForeignKey
ALTER TABLE "Household" DROP CONSTRAINT "Household_tenantId_fkey";

-- DropForeignKey
ALTER TABLE "Household" DROP CONSTRAINT "Household_tenantId_kecamatanId_fkey";

-- DropForeignKey
ALTER TABLE "Household" DROP CONSTRAINT "Household_tenantId_kelurahanId_fkey";

-- DropForeignKey
ALTER TABLE "HouseholdAreaCount" DROP CONSTRAINT "HouseholdAreaCount_tenantId_fkey";

-- DropForeignKey
ALTER TABLE "HouseholdDesilChange" DROP CONSTRAINT "HouseholdDesilChange_tenantId_fkey";

-- DropForeignKey
ALTER TABLE "HouseholdDesilChange" DROP CONSTRAINT "HouseholdDesilChange_tenantId_householdId_fkey";

-- DropForeignKey
ALTER TABLE "HouseholdReach" DROP CONSTRAINT "HouseholdReach_tenantId_fkey";

-- DropForeignKey
ALTER TABLE "HouseholdStatusEvent" DROP CONSTRAINT "HouseholdStatusEvent_tenantId_fkey";

-- DropForeignKey
ALTER TABLE "HouseholdStatusEvent" DROP CONSTRAINT "HouseholdStatusEvent_tenantId_householdId_fkey";

-- DropForeignKey
ALTER TABLE "HouseholdYearReach" DROP CONSTRAINT "HouseholdYearReach_tenantId_fkey";

-- DropForeignKey
ALTER TABLE "ImportJob" DROP CONSTRAINT "ImportJob_tenantId_fkey";

-- DropForeignKey
ALTER TABLE "Loan" DROP CONSTRAINT "Loan_tenantId_fkey";

-- DropForeignKey
ALTER TABLE "Loan" DROP CONSTRAINT "Loan_tenantId_fundId_fkey";

-- DropForeignKey
ALTER TABLE "Loan" DROP CONSTRAINT "Loan_tenantId_householdId_fkey";

-- DropForeignKey
ALTER TABLE "Loan" DROP CONSTRAINT "Loan_tenantId_memberId_fkey";

-- DropForeignKey
ALTER TABLE "LoanInstallment" DROP CONSTRAINT "LoanInstallment_tenantId_fkey";

-- DropForeignKey
ALTER TABLE "LoanInstallment" DROP CONSTRAINT "LoanInstallment_tenantId_loanId_fkey";

-- DropForeignKey
ALTER TABLE "LoanRound" DROP CONSTRAINT "LoanRound_tenantId_fkey";

-- DropForeignKey
ALTER TABLE "LoanRound" DROP CONSTRAINT "LoanRound_tenantId_fundId_fkey";

-- DropForeignKey
ALTER TABLE "Member" DROP CONSTRAINT "Member_tenantId_fkey";

-- DropForeignKey
ALTER TABLE "Member" DROP CONSTRAINT "Member_tenantId_householdId_fkey";

-- DropForeignKey
ALTER TABLE "Opd" DROP CONSTRAINT "Opd_tenantId_fkey";

-- DropForeignKey
ALTER TABLE "PersonalDataDisclosure" DROP CONSTRAINT "PersonalDataDisclosure_auditLogId_fkey";

-- DropForeignKey
ALTER TABLE "PersonalDataDisclosure" DROP CONSTRAINT "PersonalDataDisclosure_tenantId_fkey";

-- DropForeignKey
ALTER TABLE "PovertyStatistic" DROP CONSTRAINT "PovertyStatistic_tenantId_areaId_fkey";

-- DropForeignKey
ALTER TABLE "PovertyStatistic" DROP CONSTRAINT "PovertyStatistic_tenantId_fkey";

-- DropForeignKey
ALTER TABLE "Programme" DROP CONSTRAINT "Programme_tenantId_fkey";

-- DropForeignKey
ALTER TABLE "Programme" DROP CONSTRAINT "Programme_tenantId_opdId_fkey";

-- DropForeignKey
ALTER TABLE "RateLimit" DROP CONSTRAINT "RateLimit_userId_fkey";

-- DropForeignKey
ALTER TABLE "ReachAreaCount" DROP CONSTRAINT "ReachAreaCount_tenantId_fkey";

-- DropForeignKey
ALTER TABLE "ReachOpdCount" DROP CONSTRAINT "ReachOpdCount_tenantId_fkey";

-- DropForeignKey
ALTER TABLE "ReachProgrammeCount" DROP CONSTRAINT "ReachProgrammeCount_tenantId_fkey";

-- DropForeignKey
ALTER TABLE "ReachResultCount" DROP CONSTRAINT "ReachResultCount_tenantId_fkey";

-- DropForeignKey
ALTER TABLE "Repayment" DROP CONSTRAINT "Repayment_tenantId_fkey";

-- DropForeignKey
ALTER TABLE "Repayment" DROP CONSTRAINT "Repayment_tenantId_loanId_fkey";

-- DropForeignKey
ALTER TABLE "RetentionSetting" DROP CONSTRAINT "RetentionSetting_tenantId_fkey";

-- DropForeignKey
ALTER TABLE "RevolvingFund" DROP CONSTRAINT "RevolvingFund_tenantId_fkey";

-- DropForeignKey
ALTER TABLE "RevolvingFund" DROP CONSTRAINT "RevolvingFund_tenantId_kelurahanId_fkey";

-- DropForeignKey
ALTER TABLE "RevolvingFundCapital" DROP CONSTRAINT "RevolvingFundCapital_tenantId_fkey";

-- DropForeignKey
ALTER TABLE "RevolvingFundCapital" DROP CONSTRAINT "RevolvingFundCapital_tenantId_fundId_fkey";

-- DropForeignKey
ALTER TABLE "Submission" DROP CONSTRAINT "Submission_tenantId_fkey";

-- DropForeignKey
ALTER TABLE "Target" DROP CONSTRAINT "Target_tenantId_areaId_fkey";

-- DropForeignKey
ALTER TABLE "Target" DROP CONSTRAINT "Target_tenantId_fkey";

-- DropForeignKey
ALTER TABLE "Training" DROP CONSTRAINT "Training_tenantId_fkey";

-- DropForeignKey
ALTER TABLE "Training" DROP CONSTRAINT "Training_tenantId_opdId_fkey";

-- DropForeignKey
ALTER TABLE "Training" DROP CONSTRAINT "Training_tenantId_programmeId_fkey";

-- DropForeignKey
ALTER TABLE "TrainingAttendance" DROP CONSTRAINT "TrainingAttendance_tenantId_fkey";

-- DropForeignKey
ALTER TABLE "TrainingAttendance" DROP CONSTRAINT "TrainingAttendance_tenantId_participantId_fkey";

-- DropForeignKey
ALTER TABLE "TrainingFollowUp" DROP CONSTRAINT "TrainingFollowUp_tenantId_fkey";

-- DropForeignKey
ALTER TABLE "TrainingFollowUp" DROP CONSTRAINT "TrainingFollowUp_tenantId_participantId_fkey";

-- DropForeignKey
ALTER TABLE "TrainingFollowUpTally" DROP CONSTRAINT "TrainingFollowUpTally_tenantId_fkey";

-- DropForeignKey
ALTER TABLE "TrainingParticipant" DROP CONSTRAINT "TrainingParticipant_tenantId_fkey";

-- DropForeignKey
ALTER TABLE "TrainingParticipant" DROP CONSTRAINT "TrainingParticipant_tenantId_householdId_fkey";

-- DropForeignKey
ALTER TABLE "TrainingParticipant" DROP CONSTRAINT "TrainingParticipant_tenantId_memberId_fkey";

-- DropForeignKey
ALTER TABLE "TrainingParticipant" DROP CONSTRAINT "TrainingParticipant_tenantId_trainingId_fkey";

-- DropForeignKey
ALTER TABLE "TrainingTally" DROP CONSTRAINT "TrainingTally_tenantId_fkey";

-- DropForeignKey
ALTER TABLE "TrainingTally" DROP CONSTRAINT "TrainingTally_tenantId_trainingId_fkey";

-- DropForeignKey
ALTER TABLE "User" DROP CONSTRAINT "User_tenantId_fkey";

-- DropForeignKey
ALTER TABLE "User" DROP CONSTRAINT "User_tenantId_kelurahanId_fkey";

-- DropForeignKey
ALTER TABLE "User" DROP CONSTRAINT "User_tenantId_opdId_fkey";

-- DropForeignKey
ALTER TABLE "UserSession" DROP CONSTRAINT "UserSession_userId_fkey";

-- AddForeignKey
ALTER TABLE "Area" ADD CONSTRAINT "Area_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "Area" ADD CONSTRAINT "Area_tenantId_parentId_fkey" FOREIGN KEY ("tenantId", "parentId") REFERENCES "Area"("tenantId", "id") ON DELETE RESTRICT ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "Opd" ADD CONSTRAINT "Opd_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_tenantId_opdId_fkey" FOREIGN KEY ("tenantId", "opdId") REFERENCES "Opd"("tenantId", "id") ON DELETE RESTRICT ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_tenantId_kelurahanId_fkey" FOREIGN KEY ("tenantId", "kelurahanId") REFERENCES "Area"("tenantId", "id") ON DELETE RESTRICT ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "UserSession" ADD CONSTRAINT "UserSession_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "RateLimit" ADD CONSTRAINT "RateLimit_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "Household" ADD CONSTRAINT "Household_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "Household" ADD CONSTRAINT "Household_tenantId_kecamatanId_fkey" FOREIGN KEY ("tenantId", "kecamatanId") REFERENCES "Area"("tenantId", "id") ON DELETE RESTRICT ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "Household" ADD CONSTRAINT "Household_tenantId_kelurahanId_fkey" FOREIGN KEY ("tenantId", "kelurahanId") REFERENCES "Area"("tenantId", "id") ON DELETE RESTRICT ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "Member" ADD CONSTRAINT "Member_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "Member" ADD CONSTRAINT "Member_tenantId_householdId_fkey" FOREIGN KEY ("tenantId", "householdId") REFERENCES "Household"("tenantId", "id") ON DELETE RESTRICT ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "HouseholdStatusEvent" ADD CONSTRAINT "HouseholdStatusEvent_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "HouseholdStatusEvent" ADD CONSTRAINT "HouseholdStatusEvent_tenantId_householdId_fkey" FOREIGN KEY ("tenantId", "householdId") REFERENCES "Household"("tenantId", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "HouseholdDesilChange" ADD CONSTRAINT "HouseholdDesilChange_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "HouseholdDesilChange" ADD CONSTRAINT "HouseholdDesilChange_tenantId_householdId_fkey" FOREIGN KEY ("tenantId", "householdId") REFERENCES "Household"("tenantId", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "Programme" ADD CONSTRAINT "Programme_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "Programme" ADD CONSTRAINT "Programme_tenantId_opdId_fkey" FOREIGN KEY ("tenantId", "opdId") REFERENCES "Opd"("tenantId", "id") ON DELETE RESTRICT ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "BudgetLine" ADD CONSTRAINT "BudgetLine_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "BudgetLine" ADD CONSTRAINT "BudgetLine_tenantId_programmeId_fkey" FOREIGN KEY ("tenantId", "programmeId") REFERENCES "Programme"("tenantId", "id") ON DELETE RESTRICT ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "BudgetRealisation" ADD CONSTRAINT "BudgetRealisation_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "BudgetRealisation" ADD CONSTRAINT "BudgetRealisation_tenantId_budgetLineId_fkey" FOREIGN KEY ("tenantId", "budgetLineId") REFERENCES "BudgetLine"("tenantId", "id") ON DELETE RESTRICT ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "BudgetRealisation" ADD CONSTRAINT "BudgetRealisation_tenantId_reversesId_fkey" FOREIGN KEY ("tenantId", "reversesId") REFERENCES "BudgetRealisation"("tenantId", "id") ON DELETE RESTRICT ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "Training" ADD CONSTRAINT "Training_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "Training" ADD CONSTRAINT "Training_tenantId_programmeId_fkey" FOREIGN KEY ("tenantId", "programmeId") REFERENCES "Programme"("tenantId", "id") ON DELETE RESTRICT ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "Training" ADD CONSTRAINT "Training_tenantId_opdId_fkey" FOREIGN KEY ("tenantId", "opdId") REFERENCES "Opd"("tenantId", "id") ON DELETE RESTRICT ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "TrainingParticipant" ADD CONSTRAINT "TrainingParticipant_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "TrainingParticipant" ADD CONSTRAINT "TrainingParticipant_tenantId_trainingId_fkey" FOREIGN KEY ("tenantId", "trainingId") REFERENCES "Training"("tenantId", "id") ON DELETE RESTRICT ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "TrainingParticipant" ADD CONSTRAINT "TrainingParticipant_tenantId_householdId_fkey" FOREIGN KEY ("tenantId", "householdId") REFERENCES "Household"("tenantId", "id") ON DELETE RESTRICT ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "TrainingParticipant" ADD CONSTRAINT "TrainingParticipant_tenantId_memberId_fkey" FOREIGN KEY ("tenantId", "memberId") REFERENCES "Member"("tenantId", "id") ON DELETE RESTRICT ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "TrainingAttendance" ADD CONSTRAINT "TrainingAttendance_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "TrainingAttendance" ADD CONSTRAINT "TrainingAttendance_tenantId_participantId_fkey" FOREIGN KEY ("tenantId", "participantId") REFERENCES "TrainingParticipant"("tenantId", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "TrainingFollowUp" ADD CONSTRAINT "TrainingFollowUp_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "TrainingFollowUp" ADD CONSTRAINT "TrainingFollowUp_tenantId_participantId_fkey" FOREIGN KEY ("tenantId", "participantId") REFERENCES "TrainingParticipant"("tenantId", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "TrainingTally" ADD CONSTRAINT "TrainingTally_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "TrainingTally" ADD CONSTRAINT "TrainingTally_tenantId_trainingId_fkey" FOREIGN KEY ("tenantId", "trainingId") REFERENCES "Training"("tenantId", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "TrainingFollowUpTally" ADD CONSTRAINT "TrainingFollowUpTally_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "AidDistribution" ADD CONSTRAINT "AidDistribution_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "AidDistribution" ADD CONSTRAINT "AidDistribution_tenantId_programmeId_fkey" FOREIGN KEY ("tenantId", "programmeId") REFERENCES "Programme"("tenantId", "id") ON DELETE RESTRICT ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "AidDistribution" ADD CONSTRAINT "AidDistribution_tenantId_trainingParticipantId_fkey" FOREIGN KEY ("tenantId", "trainingParticipantId") REFERENCES "TrainingParticipant"("tenantId", "id") ON DELETE RESTRICT ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "AidDistribution" ADD CONSTRAINT "AidDistribution_tenantId_opdId_fkey" FOREIGN KEY ("tenantId", "opdId") REFERENCES "Opd"("tenantId", "id") ON DELETE RESTRICT ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "AidDistribution" ADD CONSTRAINT "AidDistribution_tenantId_budgetLineId_fkey" FOREIGN KEY ("tenantId", "budgetLineId") REFERENCES "BudgetLine"("tenantId", "id") ON DELETE RESTRICT ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "AidDistribution" ADD CONSTRAINT "AidDistribution_tenantId_householdId_fkey" FOREIGN KEY ("tenantId", "householdId") REFERENCES "Household"("tenantId", "id") ON DELETE RESTRICT ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "AidDistribution" ADD CONSTRAINT "AidDistribution_tenantId_memberId_fkey" FOREIGN KEY ("tenantId", "memberId") REFERENCES "Member"("tenantId", "id") ON DELETE RESTRICT ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "AidDistribution" ADD CONSTRAINT "AidDistribution_tenantId_reversesId_fkey" FOREIGN KEY ("tenantId", "reversesId") REFERENCES "AidDistribution"("tenantId", "id") ON DELETE RESTRICT ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "RevolvingFund" ADD CONSTRAINT "RevolvingFund_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "RevolvingFund" ADD CONSTRAINT "RevolvingFund_tenantId_kelurahanId_fkey" FOREIGN KEY ("tenantId", "kelurahanId") REFERENCES "Area"("tenantId", "id") ON DELETE RESTRICT ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "RevolvingFundCapital" ADD CONSTRAINT "RevolvingFundCapital_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "RevolvingFundCapital" ADD CONSTRAINT "RevolvingFundCapital_tenantId_fundId_fkey" FOREIGN KEY ("tenantId", "fundId") REFERENCES "RevolvingFund"("tenantId", "id") ON DELETE RESTRICT ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "Loan" ADD CONSTRAINT "Loan_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "Loan" ADD CONSTRAINT "Loan_tenantId_fundId_fkey" FOREIGN KEY ("tenantId", "fundId") REFERENCES "RevolvingFund"("tenantId", "id") ON DELETE RESTRICT ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "Loan" ADD CONSTRAINT "Loan_tenantId_memberId_fkey" FOREIGN KEY ("tenantId", "memberId") REFERENCES "Member"("tenantId", "id") ON DELETE RESTRICT ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "Loan" ADD CONSTRAINT "Loan_tenantId_householdId_fkey" FOREIGN KEY ("tenantId", "householdId") REFERENCES "Household"("tenantId", "id") ON DELETE RESTRICT ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "LoanRound" ADD CONSTRAINT "LoanRound_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "LoanRound" ADD CONSTRAINT "LoanRound_tenantId_fundId_fkey" FOREIGN KEY ("tenantId", "fundId") REFERENCES "RevolvingFund"("tenantId", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "LoanInstallment" ADD CONSTRAINT "LoanInstallment_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "LoanInstallment" ADD CONSTRAINT "LoanInstallment_tenantId_loanId_fkey" FOREIGN KEY ("tenantId", "loanId") REFERENCES "Loan"("tenantId", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "Repayment" ADD CONSTRAINT "Repayment_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "Repayment" ADD CONSTRAINT "Repayment_tenantId_loanId_fkey" FOREIGN KEY ("tenantId", "loanId") REFERENCES "Loan"("tenantId", "id") ON DELETE RESTRICT ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "PovertyStatistic" ADD CONSTRAINT "PovertyStatistic_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "PovertyStatistic" ADD CONSTRAINT "PovertyStatistic_tenantId_areaId_fkey" FOREIGN KEY ("tenantId", "areaId") REFERENCES "Area"("tenantId", "id") ON DELETE RESTRICT ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "Target" ADD CONSTRAINT "Target_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "Target" ADD CONSTRAINT "Target_tenantId_areaId_fkey" FOREIGN KEY ("tenantId", "areaId") REFERENCES "Area"("tenantId", "id") ON DELETE RESTRICT ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "DashboardTrainingCount" ADD CONSTRAINT "DashboardTrainingCount_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "HouseholdAreaCount" ADD CONSTRAINT "HouseholdAreaCount_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "HouseholdReach" ADD CONSTRAINT "HouseholdReach_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "HouseholdYearReach" ADD CONSTRAINT "HouseholdYearReach_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "ReachAreaCount" ADD CONSTRAINT "ReachAreaCount_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "ReachOpdCount" ADD CONSTRAINT "ReachOpdCount_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "ReachResultCount" ADD CONSTRAINT "ReachResultCount_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "ReachProgrammeCount" ADD CONSTRAINT "ReachProgrammeCount_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "BudgetLineTotal" ADD CONSTRAINT "BudgetLineTotal_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "BudgetLineTotal" ADD CONSTRAINT "BudgetLineTotal_tenantId_budgetLineId_fkey" FOREIGN KEY ("tenantId", "budgetLineId") REFERENCES "BudgetLine"("tenantId", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "AidDistributionTotal" ADD CONSTRAINT "AidDistributionTotal_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "AidDistributionTotal" ADD CONSTRAINT "AidDistributionTotal_tenantId_programmeId_fkey" FOREIGN KEY ("tenantId", "programmeId") REFERENCES "Programme"("tenantId", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "BpjsDoubleCover" ADD CONSTRAINT "BpjsDoubleCover_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "BpjsCoverEnd" ADD CONSTRAINT "BpjsCoverEnd_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "ImportJob" ADD CONSTRAINT "ImportJob_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "BackgroundJob" ADD CONSTRAINT "BackgroundJob_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "ExportFile" ADD CONSTRAINT "ExportFile_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "ChangeRequest" ADD CONSTRAINT "ChangeRequest_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "ChangeRequest" ADD CONSTRAINT "ChangeRequest_tenantId_householdId_fkey" FOREIGN KEY ("tenantId", "householdId") REFERENCES "Household"("tenantId", "id") ON DELETE RESTRICT ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "DuplicateCandidate" ADD CONSTRAINT "DuplicateCandidate_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "RetentionSetting" ADD CONSTRAINT "RetentionSetting_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "PersonalDataDisclosure" ADD CONSTRAINT "PersonalDataDisclosure_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "PersonalDataDisclosure" ADD CONSTRAINT "PersonalDataDisclosure_auditLogId_fkey" FOREIGN KEY ("auditLogId") REFERENCES "AuditLog"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "Submission" ADD CONSTRAINT "Submission_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE NO ACTION;
