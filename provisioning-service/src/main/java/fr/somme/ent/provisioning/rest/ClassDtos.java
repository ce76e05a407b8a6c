package fr.somme.ent.provisioning.rest;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Size;

import fr.somme.ent.provisioning.domain.Account;
import fr.somme.ent.provisioning.domain.ClassDeployment;
import fr.somme.ent.provisioning.domain.ClassOverview;
import fr.somme.ent.provisioning.domain.Licence;
import fr.somme.ent.provisioning.domain.Money;
import fr.somme.ent.provisioning.domain.PersonName;

/** The JSON of classes, their accounts and names, and the mapping from the domain. */
public final class ClassDtos {

    private ClassDtos() {
    }

    /** A class: status, reasons it is pending, counts and licences (no names). */
    public record ClassView(UUID projectId, String status, List<String> reasons, String memberId, String schoolUai,
            String schoolYear, String classLabel, String schoolLevel, int students, LocalDate deployedOn,
            LocalDate accessStartDate, LocalDate closedOn, String closeReason, int teacherAccounts, int studentAccounts,
            int activeAccounts, int rosterEntries, boolean loginSheetIssued, List<LicenceView> licences) {

        static ClassView of(ClassOverview o) {
            ClassDeployment c = o.deployment();
            return new ClassView(c.projectId(), c.status().name(), c.reasons(), c.memberId(), c.schoolUai(),
                    c.schoolYear(), c.classLabel(), name(c.schoolLevel()), c.students(), c.deployedOn(),
                    c.accessStartDate(), c.closedOn(), name(c.closeReason()), o.teacherAccounts(), o.studentAccounts(),
                    o.activeAccounts(), o.rosterEntries(), c.loginSheetIssued(),
                    o.licences().stream().map(LicenceView::of).toList());
        }

        static List<ClassView> ofAll(List<ClassOverview> overviews) {
            return overviews.stream().map(ClassView::of).toList();
        }
    }

    /** unitPrice: euros with two decimals, e.g. "12.50". */
    public record LicenceView(String resourceCode, int quantity, String unitPrice, String state) {

        static LicenceView of(Licence l) {
            return new LicenceView(l.resourceCode(), l.quantity(), Money.text(l.unitPrice()), l.state().name());
        }
    }

    public record AccountView(UUID id, String login, String role, String state, String lastName, String firstName) {

        static AccountView of(Account a) {
            return new AccountView(a.id(), a.login(), a.role().name(), a.state().name(), a.lastName(), a.firstName());
        }
    }

    /** A roster line, or a seat's new name (both required: the domain says so with {@code roster-line}). */
    public record RosterLine(@Size(max = PersonName.MAX_LENGTH) String lastName,
            @Size(max = PersonName.MAX_LENGTH) String firstName) {

        PersonName toName() {
            return new PersonName(lastName, firstName);
        }

        static List<PersonName> toNames(List<RosterLine> lines) {
            return lines.stream().map(l -> l == null ? null : l.toName()).toList();
        }
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
