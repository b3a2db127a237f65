-- An aid draft is edited with a form: each save must be of the version the form showed.
ALTER TABLE "AidDistribution" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;
