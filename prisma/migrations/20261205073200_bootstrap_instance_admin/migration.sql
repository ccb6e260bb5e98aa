-- The bootstrap key of an existing installation becomes the instance administrator, as a new
-- installation's is (a separate migration: a new enum value is usable once committed).
UPDATE "apikey" SET "scopes" = array_append("scopes", 'instance:admin')
WHERE "id" = (
  SELECT "id" FROM "apikey"
  WHERE "name" = 'Bootstrap admin key' AND "website_id" IS NULL AND 'admin' = ANY ("scopes")
  ORDER BY "created_at" LIMIT 1
);
