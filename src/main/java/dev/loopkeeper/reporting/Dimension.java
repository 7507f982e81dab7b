package dev.loopkeeper.reporting;

/** What NPS is segmented by: a response's properties, its touchpoint, or its customer's tier. */
public enum Dimension {
    REGION("Region"),
    PRODUCT("Product"),
    LOCATION("Location"),
    TOUCHPOINT("Touchpoint"),
    TIER("Customer tier");

    private final String label;

    Dimension(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The property's name in {@code response_property}, for the three that live there. */
    String property() {
        return name().toLowerCase();
    }
}
