-- AlterEnum: operators of the instance (create and list organizations).
ALTER TYPE "ApiScope" ADD VALUE 'instance:admin';

-- AlterTable: each membership gets its own display name, starting from the user's name.
ALTER TABLE "member" ADD COLUMN     "name" TEXT NOT NULL DEFAULT '';
UPDATE "member" SET "name" = "user"."name" FROM "user" WHERE "user"."id" = "member"."user_id";
ALTER TABLE "member" ALTER COLUMN "name" DROP DEFAULT;
