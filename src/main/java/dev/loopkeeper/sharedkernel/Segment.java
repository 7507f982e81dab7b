package dev.loopkeeper.sharedkernel;

/** The NPS segment of a score: detractors 0–6, passives 7–8, promoters 9–10. */
public enum Segment {
    DETRACTOR,
    PASSIVE,
    PROMOTER;

    public static Segment of(int score) {
        if (score < 0 || score > 10) {
            throw new IllegalArgumentException("An NPS score is 0 to 10, not " + score);
        }
        return score <= 6 ? DETRACTOR : score <= 8 ? PASSIVE : PROMOTER;
    }

    /** The lower-case name used in process variables and the policy table. */
    public String key() {
        return name().toLowerCase();
    }
}
