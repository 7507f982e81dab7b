package dev.loopkeeper.identity;

import dev.loopkeeper.sharedkernel.Groups;
import java.util.List;

/** The demo users of the {@code demo} profile; listed in the README, refused in production. */
final class DemoCredentials {

    static final String PASSWORD = "demo";
    static final String API_KEY = "demo-intake-key";
    static final String METRICS_TOKEN = "demo-metrics-token";

    record DemoUser(String id, String firstName, String lastName, List<String> groups) {}

    static final List<DemoUser> USERS = List.of(
            new DemoUser("fiona", "Fiona", "Frontline", List.of(Groups.FRONTLINE, "team-emea")),
            new DemoUser("frank", "Frank", "Field", List.of(Groups.FRONTLINE, "team-emea")),
            new DemoUser("sam", "Sam", "Supervisor", List.of(Groups.SUPERVISORS)),
            new DemoUser("paula", "Paula", "Process-Owner", List.of(Groups.PROCESS_OWNERS)),
            new DemoUser("ada", "Ada", "Admin", List.of(Groups.ADMINS, Groups.CAMUNDA_ADMIN)));

    private DemoCredentials() {}
}
