-- profile's read contract (ADR 0003): set-based reads of other modules (matching an institution's
-- mentors and mentees) join these views, never the profile tables. Nothing writes through them.

-- A mentor's capacity and what matching weighs: one row per mentor profile.
CREATE VIEW profile_mentor_capacities AS
SELECT mp.user_id, mp.designation, mp.specialization, mp.max_mentees, mp.current_mentee_count,
       mp.accepting_new_mentees, mp.supports_new_mothers
FROM mentor_profiles mp;

-- What a person wants and knows, as written in their general profile: one row per profile.
CREATE VIEW profile_aims AS
SELECT up.user_id, up.area_of_expertise, up.goals_text
FROM user_profiles up;

-- A person's skills and interests: one row per tag, with the tag's name and institution.
CREATE VIEW profile_person_tags AS
SELECT ut.user_id, ut.tag_id, ut.kind, t.name, t.institution_id
FROM user_tags ut
JOIN tags t ON t.id = ut.tag_id;

-- An institution's tag vocabulary.
CREATE VIEW profile_tags AS
SELECT t.id, t.institution_id, t.name, t.slug
FROM tags t;

-- A person's weekly availability in their own zone.
CREATE VIEW profile_weekly_availability AS
SELECT s.user_id, s.day_of_week, s.start_time, s.end_time, s.time_zone
FROM availability_slots s;
