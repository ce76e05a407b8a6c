-- Issue #14, point 5: a class's teacher is matched on the token's subject ("sub", stable), carried by the project
-- events as teacherSub, and on the token's school_uai. Classes recorded before (from events without teacherSub) keep a
-- null subject: a migration cannot know it, and their teacher stays matched by teacher_id, the user name, at the
-- class's school; every class recorded from an event carrying teacherSub is matched by that subject alone.
ALTER TABLE class_deployment ADD COLUMN teacher_sub TEXT;
