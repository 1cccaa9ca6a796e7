-- Plan file `report:` section and unit groups (issue 10). Additive: new columns with defaults.
ALTER TABLE "Plan" ADD COLUMN "unitGroupsJson" TEXT NOT NULL DEFAULT '[]';
ALTER TABLE "Plan" ADD COLUMN "reportJson" TEXT NOT NULL DEFAULT '{}';
