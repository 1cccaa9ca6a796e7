-- Units told to the leaders' rollup group as not reported for an occurrence ("overdue" after the
-- deadline, "closed" once the period closed): a digest names a unit the first time, then counts it.
-- Additive only: a new table, no foreign keys (nothing else changes).

-- CreateTable
CREATE TABLE "RollupMention" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "occurrenceId" INTEGER NOT NULL,
    "unitId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE UNIQUE INDEX "RollupMention_occurrenceId_unitId_kind_key" ON "RollupMention"("occurrenceId", "unitId", "kind");
