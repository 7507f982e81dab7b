package dev.loopkeeper.sharedkernel.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.spring.security.AuthenticationContext;
import com.vaadin.flow.theme.lumo.LumoUtility;
import dev.loopkeeper.sharedkernel.Groups;
import dev.loopkeeper.sharedkernel.LanguagePreference;
import dev.loopkeeper.sharedkernel.ZonePreference;
import jakarta.annotation.security.PermitAll;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The frame around every view. Its navigation lists the views the user may open: Vaadin's menu
 * configuration filters {@code @Menu} routes by their access annotations, so roles decide the menu.
 */
@Layout
@PermitAll
// Lumo's badge and utility styles are not part of the default theme: without these the score, SLA and status
// pills and the menu's counts show as plain text
@JsModule("@vaadin/vaadin-lumo-styles/badge-global.js")
@JsModule("@vaadin/vaadin-lumo-styles/utility-global.js")
public class MainLayout extends AppLayout {

    private final List<NavigationBadge> badges;
    private final ZonePreference zones;
    private final Translations translations;
    private final String userId;
    private ZoneId browserZone;
    private final List<Registration> subscriptions = new ArrayList<>();
    private final Map<NavigationBadge, Span> shown = new HashMap<>();

    public MainLayout(
            AuthenticationContext authentication,
            List<NavigationBadge> badges,
            ZonePreference zones,
            LanguagePreference languages,
            Translations translations,
            List<ProfileSection> profileSections) {
        this.badges = badges;
        this.zones = zones;
        this.translations = translations;
        this.userId = authentication.getPrincipalName().orElse("");
        H1 title = new H1("Loopkeeper");
        title.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "0");
        Button user = new Button(
                userId,
                new Icon(VaadinIcon.USER),
                e -> new ProfileDialog(userId, zones, languages, browserZone, profileSections).open());
        user.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        user.getElement().setAttribute("aria-label", getTranslation("sharedkernel.signed-in-as"));
        user.getElement().setAttribute("title", getTranslation("sharedkernel.profile.tooltip"));
        user.setId("profile");
        // On a phone the icon alone: the words ("Cerrar sesión") would push the header off the screen; the
        // button's name stays for screen readers and tooltips
        Button logout = new Button(new Icon(VaadinIcon.SIGN_OUT), e -> authentication.logout());
        Span logoutWords = new Span(getTranslation("sharedkernel.log-out"));
        logoutWords.addClassNames(LumoUtility.Display.HIDDEN, LumoUtility.Display.Breakpoint.Small.INLINE);
        logout.getElement().appendChild(logoutWords.getElement());
        logout.getElement().setAttribute("aria-label", getTranslation("sharedkernel.log-out"));
        logout.setTooltipText(getTranslation("sharedkernel.log-out"));
        logout.setId("log-out");
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout header = new HorizontalLayout(new DrawerToggle(), title, user, logout);
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        header.expand(title);
        header.setWidthFull();
        header.getStyle().set("padding-right", "var(--lumo-space-m)");
        addToNavbar(header);
        addToDrawer(navigation(authentication));
        setPrimarySection(Section.DRAWER);
    }

    private SideNav navigation(AuthenticationContext authentication) {
        SideNav nav = new SideNav();
        nav.setLabel(getTranslation("sharedkernel.menu"));
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            SideNavItem item = new SideNavItem(title(entry), entry.path());
            if (entry.icon() != null) {
                item.setPrefixComponent(new Icon(entry.icon()));
            }
            String path = entry.path().startsWith("/") ? entry.path().substring(1) : entry.path();
            badges.stream().filter(badge -> badge.path().equals(path)).forEach(badge -> {
                Span count = new Span(String.valueOf(badge.count()));
                count.getElement().getThemeList().add("badge contrast pill");
                count.getElement().setAttribute("aria-label", getTranslation("sharedkernel.open-items"));
                item.setSuffixComponent(count);
                shown.put(badge, count);
            });
            nav.addItem(item);
        }
        // Cockpit is not a Vaadin route; only roles that the /camunda/** chain admits see it
        if (authentication.hasAnyRole(Groups.withEngineAccess())) {
            SideNavItem cockpit = new SideNavItem("Cockpit", "/camunda/app/cockpit/default/", new Icon(VaadinIcon.COG));
            cockpit.setRouterIgnore(true);
            nav.addItem(cockpit);
        }
        return nav;
    }

    /**
     * A menu entry's title in the user's language: {@code @Menu} titles are constants, so each module's bundle
     * translates them under {@code menu.<path>}, slashes as dots; the English title where none does.
     */
    private String title(MenuEntry entry) {
        String path = entry.path().replaceFirst("^/", "");
        String key = "menu." + (path.isEmpty() ? "start" : path.replace('/', '.'));
        return translations.has(key) ? getTranslation(key) : entry.title();
    }

    /** Counts follow changes while the layout is on screen, pushed to the browser. */
    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        UI ui = event.getUI();
        useZone(ui);
        shown.forEach((badge, count) ->
                subscriptions.add(badge.onChange(() -> ui.access(() -> count.setText(String.valueOf(badge.count()))))));
    }

    /**
     * Times show in the zone the user chose, else their browser's: the sign-in page reads the browser's before the
     * first view opens ({@link Times#rememberBrowserZone}); a session that did not come through it gets the browser's
     * for its next view.
     */
    private void useZone(UI ui) {
        VaadinSession session = ui.getSession();
        browserZone = Times.browserZone(session);
        if (session.getAttribute(Times.ZONE) != null) {
            return;
        }
        Optional<ZoneId> chosen = userId.isEmpty() ? Optional.empty() : zones.zoneOf(userId);
        if (chosen.isPresent()) {
            Times.use(session, chosen.get());
        } else if (browserZone != null) {
            Times.use(session, browserZone);
        } else {
            ui.getPage().retrieveExtendedClientDetails(details -> {
                browserZone = zoneOf(details.getTimeZoneId());
                if (browserZone != null && session.getAttribute(Times.ZONE) == null) {
                    Times.use(session, browserZone);
                }
            });
        }
    }

    private static ZoneId zoneOf(String id) {
        try {
            return id == null ? null : ZoneId.of(id);
        } catch (DateTimeException unknown) {
            return null;
        }
    }

    @Override
    protected void onDetach(DetachEvent event) {
        subscriptions.forEach(Registration::remove);
        subscriptions.clear();
        super.onDetach(event);
    }
}
