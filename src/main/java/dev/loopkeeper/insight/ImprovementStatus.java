package dev.loopkeeper.insight;

/** How far an improvement action has come. */
public enum ImprovementStatus {
    OPEN,
    IMPLEMENTED,
    VERIFIED,
    ANNOUNCED;

    public boolean isReleased() {
        return this == ANNOUNCED;
    }
}
