-- Change requests for one member (died, moved out, moved to another family) and for a
-- household's desil or extreme-poverty flag alone, with what the change rests on.
ALTER TYPE "ChangeRequestKind" ADD VALUE 'MEMBER_DIED';
ALTER TYPE "ChangeRequestKind" ADD VALUE 'MEMBER_MOVED_OUT';
ALTER TYPE "ChangeRequestKind" ADD VALUE 'MEMBER_MOVED_TO_FAMILY';
ALTER TYPE "ChangeRequestKind" ADD VALUE 'DESIL_CHANGED';
ALTER TYPE "ChangeRequestKind" ADD VALUE 'EXTREME_POVERTY_CHANGED';

CREATE TYPE "MemberDeparture" AS ENUM ('DIED', 'MOVED_OUT');
CREATE TYPE "ChangeBasis" AS ENUM ('DTSEN_UPDATE', 'MUSYAWARAH_KELURAHAN');

ALTER TABLE "Member" ADD COLUMN "departure" "MemberDeparture", ADD COLUMN "departedAt" DATE;
ALTER TABLE "HouseholdStatusEvent" ADD COLUMN "basis" "ChangeBasis";
ALTER TABLE "HouseholdDesilChange" ADD COLUMN "basis" "ChangeBasis";
