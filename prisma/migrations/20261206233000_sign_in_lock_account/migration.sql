-- A sign-in counter names the account it is about (the email's own counters, not an
-- address's), so a city admin can count and unlock their own city's locked accounts.
-- Counters already stored are about an email's keyed tag only: they stay unnamed and run
-- out within fifteen minutes like every counter.
ALTER TABLE "RateLimit" ADD COLUMN "userId" TEXT;

CREATE INDEX "RateLimit_userId_idx" ON "RateLimit"("userId");

ALTER TABLE "RateLimit" ADD CONSTRAINT "RateLimit_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
