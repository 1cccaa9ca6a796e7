-- CreateTable
CREATE TABLE "InboxMessage" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "channel" TEXT NOT NULL,
    "chatId" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "payloadJson" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "sentJson" TEXT NOT NULL DEFAULT '[]',
    "lastError" TEXT,
    "receivedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "handledAt" DATETIME
);

-- AlterTable (additive: Prisma's diff would redefine the table; a new column with a default is the same schema)
ALTER TABLE "Report" ADD COLUMN "lastSource" TEXT NOT NULL DEFAULT '';

-- CreateIndex
CREATE INDEX "InboxMessage_status_id_idx" ON "InboxMessage"("status", "id");

-- CreateIndex
CREATE UNIQUE INDEX "InboxMessage_channel_chatId_messageId_key" ON "InboxMessage"("channel", "chatId", "messageId");

-- CreateTable
CREATE TABLE "InstanceLease" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "pid" INTEGER NOT NULL,
    "host" TEXT NOT NULL,
    "startedAt" DATETIME NOT NULL,
    "beatAt" DATETIME NOT NULL
);
