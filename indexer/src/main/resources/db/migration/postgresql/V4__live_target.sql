-- A member searched at query time over Z39.50 instead of harvested: its target as LiveTarget's spec
-- (host:port/database?syntax=USMARC&timeoutMs=3000); NULL for a harvested member.
ALTER TABLE libraries ADD COLUMN live_target TEXT;
