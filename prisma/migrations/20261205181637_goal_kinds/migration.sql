-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "GoalType" ADD VALUE 'OUTGOING_LINK';
ALTER TYPE "GoalType" ADD VALUE 'FILE_DOWNLOAD';
ALTER TYPE "GoalType" ADD VALUE 'NOT_FOUND';
ALTER TYPE "GoalType" ADD VALUE 'SCROLL_DEPTH';

-- AlterTable
ALTER TABLE "goals" ADD COLUMN     "property_key" TEXT,
ADD COLUMN     "property_value" TEXT,
ADD COLUMN     "scroll_percent" INTEGER;
