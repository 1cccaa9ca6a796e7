-- Which instance claimed an outbox row for sending, and when: with several instances on one
-- PostgreSQL database, only a claim older than the lease (its instance gone) goes back to pending.
ALTER TABLE "OutboxMessage" ADD COLUMN "claimedBy" TEXT;
ALTER TABLE "OutboxMessage" ADD COLUMN "claimedAt" DATETIME;
