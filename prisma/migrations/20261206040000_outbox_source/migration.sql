-- AlterTable (additive: a nullable column; Prisma's diff would redefine the table for the same schema)
ALTER TABLE "OutboxMessage" ADD COLUMN "source" TEXT;
