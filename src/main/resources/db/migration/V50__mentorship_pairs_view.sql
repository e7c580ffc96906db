-- mentorship's read contract (ADR 0003): who mentors whom, where, and in which state. Other modules
-- read this view, never the mentorships table; single answers go through the mentorship facade.
CREATE VIEW mentorship_pairs AS
SELECT m.id, m.institution_id, m.department_id, m.mentor_id, m.mentee_id, m.status
FROM mentorships m;
