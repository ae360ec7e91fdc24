-- Where a member's records carry their items, when that differs from its profile's default
-- (the spec format is HoldingsMapping's; NULL means the default).
ALTER TABLE libraries ADD COLUMN holdings_mapping TEXT;
