package dev.loopkeeper.sharedkernel;

/**
 * The groups that make roles, as every module checks them (the users and their memberships live in the identity
 * module). Team groups (such as {@code team-emea}) come on top of {@code frontline} and decide whose tasks an agent
 * sees.
 */
public final class Groups {

    public static final String FRONTLINE = "frontline";
    public static final String SUPERVISORS = "supervisors";
    public static final String PROCESS_OWNERS = "process-owners";
    public static final String ADMINS = "admins";
    /** Camunda's own administrator group: full access in Cockpit and Admin. */
    public static final String CAMUNDA_ADMIN = "camunda-admin";

    /** Spring Security's role prefix; {@code @RolesAllowed("supervisors")} checks {@code ROLE_supervisors}. */
    public static final String ROLE_PREFIX = "ROLE_";

    private Groups() {}

    /** Who may use the engine's own tools, Cockpit and {@code /engine-rest}: leads, process owners, admins. */
    public static String[] withEngineAccess() {
        return new String[] {SUPERVISORS, PROCESS_OWNERS, ADMINS};
    }
}
