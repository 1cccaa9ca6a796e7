-- Issue 20: plans stay apart, units retire, periods close, deadlines move off days off.
-- Additive only: nullable or defaulted columns (Prisma's diff would redefine Unit and Occurrence).

-- A retired unit (merged or abolished) is never reminded nor assigned again; its history stays.
ALTER TABLE "Unit" ADD COLUMN "retiredAt" DATETIME;
ALTER TABLE "Unit" ADD COLUMN "retiredNote" TEXT NOT NULL DEFAULT '';

-- The plan file's own last day, when it gives one.
ALTER TABLE "Plan" ADD COLUMN "endDate" TEXT;

-- The stated last day when the effective deadline (dueAt) was moved off a day off; closing.
ALTER TABLE "Occurrence" ADD COLUMN "statedDate" TEXT;
ALTER TABLE "Occurrence" ADD COLUMN "closedAt" DATETIME;
ALTER TABLE "Occurrence" ADD COLUMN "closedBy" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "PlanUnit" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "planId" INTEGER NOT NULL,
    "unitId" INTEGER NOT NULL,
    CONSTRAINT "PlanUnit_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "PlanUnit_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE INDEX "PlanUnit_unitId_idx" ON "PlanUnit"("unitId");
CREATE UNIQUE INDEX "PlanUnit_planId_unitId_key" ON "PlanUnit"("planId", "unitId");

-- Plans imported before this migration: their units are those their tasks were assigned to, plus
-- their lead unit. Re-importing the plan file sets the list exactly (and cancels open assignments
-- of units the file does not list).
INSERT OR IGNORE INTO "PlanUnit" ("planId", "unitId")
  SELECT DISTINCT t."planId", a."unitId"
  FROM "Assignment" a JOIN "Occurrence" o ON o."id" = a."occurrenceId" JOIN "Task" t ON t."id" = o."taskId"
  WHERE t."planId" IS NOT NULL;
INSERT OR IGNORE INTO "PlanUnit" ("planId", "unitId")
  SELECT p."id", u."id" FROM "Plan" p JOIN "Unit" u ON u."code" = p."leadUnitCode";
