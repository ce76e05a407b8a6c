package fr.somme.ent.provisioning.domain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * A teacher owns a class by its token's sub, at the class's school (issue #14, point 5); a class recorded from an event
 * without teacherSub (a project written before subjects were recorded) by its user name, at the class's school.
 */
class TeacherIdentityTest {

    static final String SUB = "5b8f0c1e-2d3a-4c5b-9e6f-7a8b9c0d1e2f";
    static final String OTHER_SUB = "0f1e2d3c-4b5a-4968-8776-655443322110";
    static final String UAI = "0801234A";

    @Test
    void aTeacherOwnsTheClassesRecordedUnderItsSubEvenOnceRenamed() {
        assertTrue(new TeacherIdentity(SUB, "anne.leroy", UAI).ownsClassOf(SUB, "anne.leroy", UAI));
        assertTrue(new TeacherIdentity(SUB, "anne.martin", UAI).ownsClassOf(SUB, "anne.leroy", UAI), "renamed: same sub");
    }

    @Test
    void anotherUserReusingTheUsernameNeverOwnsAClassRecordedUnderASub() {
        assertFalse(new TeacherIdentity(OTHER_SUB, "anne.leroy", UAI).ownsClassOf(SUB, "anne.leroy", UAI));
        assertFalse(new TeacherIdentity(OTHER_SUB, SUB, UAI).ownsClassOf(SUB, "anne.leroy", UAI), "a username equal to the sub");
        assertFalse(new TeacherIdentity(SUB.toUpperCase(), "anne.leroy", UAI).ownsClassOf(SUB, "anne.leroy", UAI),
                "sub compared exactly");
        assertFalse(new TeacherIdentity(null, "anne.leroy", UAI).ownsClassOf(SUB, "anne.leroy", UAI), "no sub in the token");
    }

    @Test
    void aTeacherOfAnotherSchoolOrWithoutSchoolOwnsNothing() {
        assertFalse(new TeacherIdentity(SUB, "anne.leroy", "0809999Z").ownsClassOf(SUB, "anne.leroy", UAI), "moved elsewhere");
        assertFalse(new TeacherIdentity(SUB, "anne.leroy", null).ownsClassOf(SUB, "anne.leroy", UAI));
        assertFalse(new TeacherIdentity(SUB, "anne.leroy", UAI).ownsClassOf(SUB, "anne.leroy", null));
        assertFalse(new TeacherIdentity(SUB, "anne.leroy", "0809999Z").ownsClassOf(null, "anne.leroy", UAI), "legacy too");
    }

    @Test
    void aClassRecordedWithoutTeacherSubIsMatchedByUsernameAtTheClassesSchoolOnly() {
        assertTrue(new TeacherIdentity(SUB, "anne.leroy", UAI).ownsClassOf(null, "anne.leroy", UAI));
        assertFalse(new TeacherIdentity(SUB, "paul.martin", UAI).ownsClassOf(null, "anne.leroy", UAI));
        assertFalse(new TeacherIdentity(SUB, null, UAI).ownsClassOf(null, "anne.leroy", UAI));
        assertFalse(new TeacherIdentity(SUB, "anne.leroy", UAI).ownsClassOf(null, null, UAI));
        assertFalse(new TeacherIdentity("anne.leroy", "paul.martin", UAI).ownsClassOf(null, "anne.leroy", UAI),
                "the username, never the sub, is compared with a legacy teacherId");
    }
}
