-- CreateIndex
CREATE INDEX "OutboxMessage_assignmentId_idx" ON "OutboxMessage"("assignmentId");
