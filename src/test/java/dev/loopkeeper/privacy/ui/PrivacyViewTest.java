package dev.loopkeeper.privacy.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;
import dev.loopkeeper.KaribuUi;
import dev.loopkeeper.LoopkeeperTest;
import dev.loopkeeper.TestResponses;
import dev.loopkeeper.audit.AuditEntry;
import dev.loopkeeper.audit.ui.AuditView;
import dev.loopkeeper.intake.CaseIntake;
import dev.loopkeeper.intake.ResponseSubmission;
import dev.loopkeeper.sharedkernel.audit.AuditAction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** An admin erases a customer on the Customer data screen, then finds the erasure on the Audit trail screen. */
@LoopkeeperTest
class PrivacyViewTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    CaseIntake intake;

    @Autowired
    JdbcTemplate db;

    @AfterEach
    void signOut() {
        KaribuUi.signOut();
    }

    @Test
    void theErasureWaitsForTheCustomersIdTypedThenShowsInTheAuditTrail() {
        ResponseSubmission response = TestResponses.withScore(9, "Xanthe Privacy");
        intake.receive(response);
        String customer = response.customer().externalId();
        String customerId = db.queryForObject("select id from customer where external_id = ?", String.class, customer);
        KaribuUi.signIn(context, "ada", "admins", "camunda-admin");
        UI.getCurrent().navigate(PrivacyView.class);
        PrivacyView view = _get(PrivacyView.class);

        view.customer.setValue(customer);
        view.confirmation.setValue("yes, erase");
        _click(view.erase);
        NotificationsKt.expectNotifications("Type the customer's id, " + customer + ", to confirm the erasure");
        assertThat(db.queryForObject("select name from customer where id = ?", String.class, customerId))
                .isEqualTo("Xanthe Privacy");

        view.confirmation.setValue(customer);
        view.reason.setValue("Ticket 4711");
        _click(view.erase);
        assertThat(db.queryForObject("select name from customer where id = ?", String.class, customerId))
                .isNull();

        UI.getCurrent().navigate(AuditView.class);
        @SuppressWarnings("unchecked")
        ComboBox<AuditAction> action = _get(ComboBox.class, spec -> spec.withLabel("Action"));
        action.setValue(AuditAction.CUSTOMER_ERASURE);
        _get(TextField.class, spec -> spec.withLabel("Target (case, task, model, customer id)"))
                .setValue(customerId);
        @SuppressWarnings("unchecked")
        Grid<AuditEntry> entries = _get(Grid.class);
        assertThat(GridKt._findAll(entries))
                .singleElement()
                .satisfies(entry -> {
                    assertThat(entry.actor()).isEqualTo("ada");
                    assertThat(entry.reason()).isEqualTo("Ticket 4711");
                })
                .extracting(AuditEntry::targetKind)
                .isEqualTo("customer");
    }
}
