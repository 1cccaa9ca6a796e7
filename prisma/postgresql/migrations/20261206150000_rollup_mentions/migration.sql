-- PostgreSQL counterpart of the SQLite migration 20261206150000_rollup_mentions: a new table, no foreign keys.

-- CreateTable
CREATE TABLE "RollupMention" (
    "id" SERIAL NOT NULL,
    "occurrenceId" INTEGER NOT NULL,
    "unitId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RollupMention_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "RollupMention_occurrenceId_unitId_kind_key" ON "RollupMention"("occurrenceId", "unitId", "kind");
