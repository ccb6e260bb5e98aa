-- AlterTable
ALTER TABLE "uptime_monitors" ADD COLUMN     "lease_owner" TEXT,
ADD COLUMN     "lease_until" TIMESTAMP(3),
ADD COLUMN     "next_check_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- CreateIndex
CREATE INDEX "uptime_monitors_enabled_next_check_at_idx" ON "uptime_monitors"("enabled", "next_check_at");
