-- Issue #14 (identity): a teacher owns his projects by the token's subject ("sub", stable), no longer by his user name
-- (preferred_username, which can be renamed or given to someone else). Rows written before this migration have no
-- subject (a migration cannot know it): they stay matched by teacher_id, the user name, as before; every project
-- written from now on carries its teacher's subject and is matched by it alone.
ALTER TABLE project ADD COLUMN teacher_sub text;
CREATE INDEX project_teacher_sub_idx ON project (teacher_sub, school_uai);
