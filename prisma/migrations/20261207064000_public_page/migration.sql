-- The city's public page of aggregates, closed until the city admin opens it.

-- AlterTable
ALTER TABLE "Tenant" ADD COLUMN     "publicPageEnabled" BOOLEAN NOT NULL DEFAULT false;
