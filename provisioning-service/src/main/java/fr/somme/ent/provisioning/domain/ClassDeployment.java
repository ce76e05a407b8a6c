package fr.somme.ent.provisioning.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import fr.somme.ent.commons.ids.SchoolYear;
import fr.somme.ent.commons.rules.Rejection;

/**
 * A validated project as a class the gate deploys (rule 9): PENDING with the reasons why not yet, DEPLOYED for a
 * member (accounts, licences, access start), CLOSED at the date its project was withdrawn, its member terminated or
 * its school year ended; a class that never deployed is DISCARDED (withdrawn, or its school year ended) with no account
 * ever created. Its status only changes through the methods below, which check the transition.
 */
public final class ClassDeployment {

    private final UUID projectId;
    private final String schoolUai;
    private final String schoolYear;
    private final String classLabel;
    private final String teacherId;
    private final String teacherSub;
    private final int students;
    private ClassStatus status;
    private List<String> reasons;
    private String memberId;
    private SchoolLevel schoolLevel;
    private LocalDate deployedOn;
    private LocalDate accessStartDate;
    private LocalDate closedOn;
    private CloseReason closeReason;
    private boolean loginSheetIssued;

    /** The class as stored; only repositories call this. */
    public ClassDeployment(UUID projectId, ClassStatus status, List<String> reasons, String memberId, String schoolUai,
            String schoolYear, String classLabel, SchoolLevel schoolLevel, String teacherId, String teacherSub, int students,
            LocalDate deployedOn, LocalDate accessStartDate, LocalDate closedOn, CloseReason closeReason,
            boolean loginSheetIssued) {
        this.projectId = projectId;
        this.status = status;
        this.reasons = List.copyOf(reasons);
        this.memberId = memberId;
        this.schoolUai = schoolUai;
        this.schoolYear = schoolYear;
        this.classLabel = classLabel;
        this.schoolLevel = schoolLevel;
        this.teacherId = teacherId;
        this.teacherSub = teacherSub;
        this.students = students;
        this.deployedOn = deployedOn;
        this.accessStartDate = accessStartDate;
        this.closedOn = closedOn;
        this.closeReason = closeReason;
        this.loginSheetIssued = loginSheetIssued;
    }

    /** Still pending, for these reasons; true when they changed (so that only a change is written). */
    public boolean keepPending(List<String> newReasons) {
        require(ClassStatus.PENDING, "stay pending");
        if (reasons.equals(newReasons)) {
            return false;
        }
        reasons = List.copyOf(newReasons);
        return true;
    }

    /** Rule 9 said yes: deployed today for this member; access starts per rule 11. */
    public void deploy(String byMember, SchoolLevel level, LocalDate today) {
        require(ClassStatus.PENDING, "be deployed");
        status = ClassStatus.DEPLOYED;
        reasons = List.of();
        memberId = Objects.requireNonNull(byMember);
        schoolLevel = Objects.requireNonNull(level);
        deployedOn = today;
        accessStartDate = AccessStart.accessStartsOnDeploymentOrOnTheFirstDayOfTheSchoolYear(today, SchoolYear.parse(schoolYear));
    }

    /**
     * Rule 9 and art. 6: a deployed class closes at the withdrawal's or the termination's effective date, or on the
     * last day of its school year.
     */
    public void close(LocalDate on, CloseReason reason) {
        require(ClassStatus.DEPLOYED, "be closed");
        status = ClassStatus.CLOSED;
        closedOn = on;
        closeReason = Objects.requireNonNull(reason);
    }

    /**
     * Rules 8 and 9: a class that never deployed is discarded when its project is withdrawn, or when its school year
     * ends; it never will be deployed (its roster goes with it).
     */
    public void discard(LocalDate on, CloseReason reason) {
        require(ClassStatus.PENDING, "be discarded");
        status = ClassStatus.DISCARDED;
        reasons = List.of();
        closedOn = Objects.requireNonNull(on);
        closeReason = Objects.requireNonNull(reason);
    }

    /** The roster can change only while the class is pending: once deployed, its accounts exist. */
    public void requireRosterOpen() {
        if (status == ClassStatus.DISCARDED) {
            throw Rejection.conflict("class-discarded", "the class was discarded before it deployed: it has no roster any more");
        }
        if (status != ClassStatus.PENDING) {
            throw Rejection.conflict("class-already-deployed",
                    "the class is " + status.label() + ": its accounts exist, the roster can no longer change");
        }
    }

    /** Seats and login sheets exist only for a deployed class. */
    public void requireDeployed(String otherwise) {
        if (status != ClassStatus.DEPLOYED) {
            throw Rejection.conflict("class-not-deployed", "the class is " + status.label() + ": " + otherwise);
        }
    }

    /** The login sheet is handed out once: activation codes are not stored in clear (rule 12). */
    public void issueLoginSheet() {
        requireDeployed("no login sheet");
        if (loginSheetIssued) {
            throw loginSheetAlreadyIssued();
        }
        loginSheetIssued = true;
    }

    public static Rejection loginSheetAlreadyIssued() {
        return Rejection.conflict("login-sheet-already-issued",
                "the login sheet of this class was already handed out; codes are not stored in clear");
    }

    private void require(ClassStatus expected, String what) {
        if (status != expected) {
            throw Rejection.conflict("class-" + status.label(), "a " + status.label() + " class cannot " + what);
        }
    }

    /** Its teacher: by the token's sub, at the class's school ({@link TeacherIdentity#ownsClassOf}). */
    public boolean isTaughtBy(TeacherIdentity teacher) {
        return teacher != null && teacher.ownsClassOf(teacherSub, teacherId, schoolUai);
    }

    public boolean isOfMember(String member) {
        return member != null && member.equals(memberId);
    }

    public UUID projectId() {
        return projectId;
    }

    public ClassStatus status() {
        return status;
    }

    public List<String> reasons() {
        return reasons;
    }

    public String memberId() {
        return memberId;
    }

    public String schoolUai() {
        return schoolUai;
    }

    public String schoolYear() {
        return schoolYear;
    }

    public String classLabel() {
        return classLabel;
    }

    public SchoolLevel schoolLevel() {
        return schoolLevel;
    }

    public String teacherId() {
        return teacherId;
    }

    /** The teacher's subject (token sub); null for a class recorded from an event that did not carry it. */
    public String teacherSub() {
        return teacherSub;
    }

    public int students() {
        return students;
    }

    public LocalDate deployedOn() {
        return deployedOn;
    }

    public LocalDate accessStartDate() {
        return accessStartDate;
    }

    public LocalDate closedOn() {
        return closedOn;
    }

    public CloseReason closeReason() {
        return closeReason;
    }

    public boolean loginSheetIssued() {
        return loginSheetIssued;
    }
}
