-- billing-service, issue #13 point 8 / issue #15 point 5: a period computed over 35,000 members and 260,000 classes.
-- The écoles' classes of a school year are read in member order with every column the computation needs: this covering
-- index serves that read as an index-only scan, already in order (no sort of 260,000 rows).
CREATE INDEX class_access_ecole_year ON class_access (school_year, member_id, school_uai, class_label, project_id)
    INCLUDE (students, access_start, access_end) WHERE school_level = 'ECOLE';
-- Every member with an école class and its first école access (any year): an index-only scan already grouped by member
-- (GroupAggregate, merge join with billing_member), instead of a sequential scan of every year's classes and a hash.
CREATE INDEX class_access_ecole_member_start ON class_access (member_id, access_start) WHERE school_level = 'ECOLE';
