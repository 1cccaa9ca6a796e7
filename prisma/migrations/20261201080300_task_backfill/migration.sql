-- A task may ask for periods already past when it or a unit arrives (issue 14).
ALTER TABLE "Task" ADD COLUMN "backfill" BOOLEAN NOT NULL DEFAULT false;
