package dev.loopkeeper.casework;

/** The saved views of the tasklist. */
public enum TaskView {
    /** Mine and my groups' unclaimed: where an agent starts the day. */
    MY_WORK("My work"),
    /** Tasks assigned to me. */
    MINE("My cases"),
    /** Unclaimed tasks of my groups. */
    UNCLAIMED("My groups' unclaimed"),
    /** Mine and my groups' unclaimed, due before the end of today. */
    DUE_TODAY("Due today"),
    /** Mine and my groups' unclaimed, past their due time. */
    BREACHED("Breached"),
    /** Every open task of my groups, whoever holds it; every open task for leads. */
    ALL_OPEN("All open");

    private final String label;

    TaskView(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String key() {
        return name().toLowerCase().replace('_', '-');
    }

    public static TaskView ofKey(String key) {
        for (TaskView view : values()) {
            if (view.key().equals(key)) {
                return view;
            }
        }
        return MY_WORK;
    }
}
