-- CreateTable
CREATE TABLE "daily_salts" (
    "day" TEXT NOT NULL,
    "salt" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "daily_salts_pkey" PRIMARY KEY ("day")
);
