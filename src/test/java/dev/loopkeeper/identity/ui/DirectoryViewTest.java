package dev.loopkeeper.identity.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import dev.loopkeeper.KaribuUi;
import dev.loopkeeper.LoopkeeperTest;
import dev.loopkeeper.identity.DirectoryListing;
import dev.loopkeeper.identity.EmployeeDirectory;
import dev.loopkeeper.identity.EntryKind;
import dev.loopkeeper.identity.Mention;
import dev.loopkeeper.sharedkernel.Actor;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;

/**
 * The directory praise is matched against, kept in the UI: a process owner adds a team, imports a CSV file (all or
 * nothing), and what they enter is what recognition alerts find.
 */
// The context of the HTTP tests beside it, neither a context of its own nor a dirtied one: Camunda's webapps
// find their engine in a static registry, so a context started or closed between two uses of the HTTP
// tests' context leaves Cockpit's sign-in there on the wrong engine or none. It removes what it adds instead.
@LoopkeeperTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DirectoryViewTest {

    /** What these tests add to the demo directory. */
    static final Set<String> ADDED = Set.of("Night shift", "Lena Fischer", "Munich store", "Billing", "Good team");

    @Autowired
    ApplicationContext context;

    @Autowired
    EmployeeDirectory directory;

    final Actor paula = new Actor("paula", Set.of("process-owners"));

    @AfterEach
    void signOutAndRemoveWhatWasAdded() {
        KaribuUi.signOut();
        directory.entries().stream()
                .filter(entry -> ADDED.contains(entry.name()))
                .forEach(entry -> directory.remove(paula, entry.id()));
    }

    @Test
    void aProcessOwnerAddsATeamWhosePraiseReachesItsManager() {
        KaribuUi.signIn(context, "paula", "process-owners");
        UI.getCurrent().navigate(DirectoryView.class);

        _click(_get(Button.class, spec -> spec.withText("Add")));
        @SuppressWarnings("unchecked")
        Select<EntryKind> kind = _get(Select.class, spec -> spec.withLabel("Kind"));
        kind.setValue(EntryKind.TEAM);
        _get(TextField.class, spec -> spec.withLabel("Name")).setValue("Night shift");
        _get(TextField.class, spec -> spec.withLabel("Also called")).setValue("the night team");
        @SuppressWarnings("unchecked")
        ComboBox<String> manager = _get(ComboBox.class, spec -> spec.withLabel("Manager"));
        manager.setValue("sam");
        _click(_get(Button.class, spec -> spec.withText("Save")));

        @SuppressWarnings("unchecked")
        Grid<DirectoryListing> grid = _get(Grid.class);
        assertThat(GridKt._findAll(grid)).extracting(DirectoryListing::name).contains("Night shift");
        assertThat(directory.namedIn("Thanks to the night team, they fixed it at 2am"))
                .singleElement()
                .satisfies(m -> {
                    assertThat(m.kind()).isEqualTo(EntryKind.TEAM);
                    assertThat(m.managerUserId()).isEqualTo("sam");
                });
    }

    @Test
    void aCsvImportAddsAndChangesEntriesByKindAndName() {
        KaribuUi.signIn(context, "paula", "process-owners");
        UI.getCurrent().navigate(DirectoryView.class);
        DirectoryView view = (DirectoryView) UI.getCurrent().getCurrentView();

        view.imported(csv("""
                kind,name,aliases,location,manager
                employee,Lena Fischer,"Lena, Lenchen",Munich store,sam
                location,Munich store,Munich shop,,sam
                process,Billing,"billing process, invoices",,paula
                """));

        NotificationsKt.expectNotifications("Imported: 3 added, 0 changed");
        assertThat(directory.namedIn("Lena at the Munich shop sorted my invoices"))
                .extracting(Mention::name)
                .containsExactlyInAnyOrder("Lena Fischer", "Munich store", "Billing");

        view.imported(csv("kind;name;aliases;location;manager\nprocess;billing;;;sam\n"));

        NotificationsKt.expectNotifications("Imported: 0 added, 1 changed");
        assertThat(directory.entries())
                .filteredOn(e -> e.kind() == EntryKind.PROCESS && e.name().equalsIgnoreCase("billing"))
                .singleElement()
                .satisfies(e -> assertThat(e.managerUserId()).isEqualTo("sam"));
    }

    @Test
    void aFileWithABadRowImportsNothingAndSaysWhichLine() {
        EmployeeDirectory.Imported result =
                directory.importCsv(paula, new ByteArrayInputStream("""
                        kind,name,aliases,location,manager
                        team,Good team,,,sam
                        squad,Odd one,,,sam
                        employee,Nobody's report,,,ghost
                        """.getBytes(StandardCharsets.UTF_8)));

        assertThat(result.added()).isZero();
        assertThat(result.problems())
                .containsExactly(
                        "line 3: A kind is one of employee, location, team, process, not squad",
                        "line 4: manager names no user: ghost");
        assertThat(directory.entries()).extracting(DirectoryListing::name).doesNotContain("Good team");
    }

    @Test
    void inGermanAFileWithBadRowsIsRefusedLineByLineInGerman() {
        KaribuUi.signIn(context, "paula", "process-owners");
        UI.getCurrent().setLocale(Locale.GERMAN);
        UI.getCurrent().navigate(DirectoryView.class);
        DirectoryView view = (DirectoryView) UI.getCurrent().getCurrentView();

        view.imported(csv("""
                kind,name,aliases,location,manager
                team,Good team,,,sam
                squad,Odd one,,,sam
                employee,Nobody's report,,,ghost
                """));

        NotificationsKt.expectNotifications("Nichts importiert. "
                + "Zeile 3: Die Art (kind) ist employee, location, team oder process, nicht squad; "
                + "Zeile 4: Die Führungskraft (manager) ist kein Benutzer: ghost");
        assertThat(directory.entries()).extracting(DirectoryListing::name).doesNotContain("Good team");
    }

    @Test
    void onlyProcessOwnersAndAdminsKeepTheDirectory() {
        Actor fiona = new Actor("fiona", Set.of("frontline"));

        assertThatThrownBy(() -> directory.save(
                        fiona, new DirectoryListing(null, EntryKind.TEAM, "Sneaky", null, null, "fiona")))
                .isInstanceOf(AccessDeniedException.class);
    }

    private static byte[] csv(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
