package fr.somme.ent.provisioning.domain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A teacher owns a class by its token's sub, at the class's school (issue #14, point 5). */
class TeacherIdentityTest {

    static final String SUB = "5b8f0c1e-2d3a-4c5b-9e6f-7a8b9c0d1e2f";
    static final String OTHER_SUB = "0f1e2d3c-4b5a-4968-8776-655443322110";
    static final String UAI = "0801234A";

    @Test
    void aTeacherOwnsTheClassesRecordedUnderItsSubEvenOnceRenamed() {
        assertTrue(new TeacherIdentity(SUB, "anne.leroy", UAI).ownsClassOf(SUB, UAI));
        assertTrue(new TeacherIdentity(SUB, "anne.martin", UAI).ownsClassOf(SUB, UAI), "renamed: same sub");
    }

    @Test
    void anotherUserReusingTheUsernameNeverOwnsAClassRecordedUnderASub() {
        assertFalse(new TeacherIdentity(OTHER_SUB, SUB, UAI).ownsClassOf(SUB, UAI), "a username equal to the sub");
        assertFalse(new TeacherIdentity(OTHER_SUB, "anne.leroy", UAI).ownsClassOf(SUB, UAI));
        assertFalse(new TeacherIdentity(SUB.toUpperCase(), "anne.leroy", UAI).ownsClassOf(SUB, UAI), "sub compared exactly");
    }

    @Test
    void aTeacherOfAnotherSchoolOrWithoutSchoolOwnsNothing() {
        assertFalse(new TeacherIdentity(SUB, "anne.leroy", "0809999Z").ownsClassOf(SUB, UAI));
        assertFalse(new TeacherIdentity(SUB, "anne.leroy", null).ownsClassOf(SUB, UAI));
        assertFalse(new TeacherIdentity(SUB, "anne.leroy", UAI).ownsClassOf(SUB, null));
        assertFalse(new TeacherIdentity(SUB, "anne.leroy", UAI).ownsClassOf(null, UAI));
        assertFalse(new TeacherIdentity("anne.leroy", "anne.leroy", "0809999Z").ownsClassOf("anne.leroy", UAI));
    }

    @Test
    void aLegacyTeacherIdThatIsAUsernameIsMatchedByUsernameAtTheClassesSchoolOnly() {
        assertTrue(new TeacherIdentity(SUB, "anne.leroy", UAI).ownsClassOf("anne.leroy", UAI));
        assertFalse(new TeacherIdentity(SUB, "paul.martin", UAI).ownsClassOf("anne.leroy", UAI));
        assertFalse(new TeacherIdentity(SUB, null, UAI).ownsClassOf("anne.leroy", UAI));
    }

    @Test
    void onlyACanonicalUuidIsASubject() {
        assertTrue(TeacherIdentity.isSubject(SUB));
        assertTrue(TeacherIdentity.isSubject(SUB.toUpperCase()));
        assertFalse(TeacherIdentity.isSubject("anne.leroy"));
        assertFalse(TeacherIdentity.isSubject("1-2-3-4-5"), "parsed leniently by UUID.fromString, but not a subject");
        assertFalse(TeacherIdentity.isSubject(""));
    }
}
