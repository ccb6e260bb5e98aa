-- AlterTable
ALTER TABLE "apikey" ADD COLUMN     "persisted_only" BOOLEAN NOT NULL DEFAULT false;
