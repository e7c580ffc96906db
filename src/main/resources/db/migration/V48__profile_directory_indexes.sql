-- Indexes of the people directory (issue 4): mentors of one institution, by role, name and tags.
CREATE INDEX ix_user_roles_role_user ON user_roles (role_id, user_id);
CREATE INDEX ix_users_institution_name ON users (institution_id, full_name);
CREATE INDEX ix_user_tags_user_kind ON user_tags (user_id, kind, tag_id);
CREATE INDEX ix_tags_institution_slug_id ON tags (institution_id, slug, id);
