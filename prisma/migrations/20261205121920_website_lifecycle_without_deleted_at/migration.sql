-- AlterTable
ALTER TABLE "websites" DROP COLUMN "deleted_at";
