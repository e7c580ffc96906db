-- The directory leaves out the few profiles that are not listed (visibility MENTORSHIPS or PRIVATE) with a
-- NOT EXISTS over this index, instead of joining every matching mentor's profile (docs/performance.md).
CREATE INDEX ix_user_profiles_visibility ON user_profiles (visibility, user_id);
