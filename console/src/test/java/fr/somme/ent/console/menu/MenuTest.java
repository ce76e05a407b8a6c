package fr.somme.ent.console.menu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class MenuTest {

    private static List<String> labels(String... roles) {
        return Menu.entries(Set.of(roles)).stream().map(Menu.Entry::label).toList();
    }

    @Test
    void an_ien_sees_the_projects_to_decide_and_nothing_of_finance_or_operations() {
        assertEquals(List.of("Projets à valider"), labels(Menu.IEN));
    }

    @Test
    void a_teacher_sees_its_projects_and_its_class() {
        assertEquals(List.of("Mes projets", "Ma classe"), labels(Menu.TEACHER));
    }

    @Test
    void a_member_agent_sees_its_adhesion_first_then_schools_classes_calls_and_bilans() {
        assertEquals(List.of("Notre adhésion", "Écoles désignées", "Nos classes", "Appels de contribution", "Bilans"),
                labels(Menu.MEMBER_AGENT));
    }

    @Test
    void finance_sees_budget_computation_and_calls() {
        assertEquals(List.of("Budget", "Calcul des contributions", "Appels de contribution"), labels(Menu.FINANCE));
    }

    @Test
    void the_operator_sees_calls_members_classes_pipeline_and_bilans_and_the_dsden_members_and_bilans() {
        assertEquals(List.of("Appels de contribution", "Membres et adhésions", "Classes", "Chaîne d'événements", "Bilans"),
                labels(Menu.OPERATOR));
        assertEquals(List.of("Membres et adhésions", "Bilans"), labels(Menu.DSDEN));
    }

    @Test
    void no_role_of_the_suite_means_no_entry_and_unknown_roles_give_nothing() {
        assertTrue(labels().isEmpty());
        assertTrue(labels("partner", "ent-platform", "offline_access").isEmpty());
    }

    @Test
    void two_roles_add_up_without_repeating_an_entry() {
        List<String> both = labels(Menu.FINANCE, Menu.OPERATOR);
        assertEquals(both.stream().distinct().count(), both.size());
        assertTrue(both.containsAll(List.of("Budget", "Classes", "Appels de contribution")));
    }

    @Test
    void a_page_is_allowed_only_when_it_is_one_of_the_roles_entries() {
        assertTrue(Menu.allows(Set.of(Menu.IEN), "/projets-a-valider"));
        assertFalse(Menu.allows(Set.of(Menu.TEACHER), "/projets-a-valider"));
        assertFalse(Menu.allows(Set.of(Menu.MEMBER_AGENT), "/budget"));
    }
}
